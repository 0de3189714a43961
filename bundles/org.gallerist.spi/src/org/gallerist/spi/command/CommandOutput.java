package org.gallerist.spi.command;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The stdout of one exec request. A reply is one JSON line: a record of the api or of the protocol bundle's
 * {@code Replies} (written in snake case), or a map of JSON values (maps, lists, strings, numbers, booleans, null).
 */
public interface CommandOutput {

    /** Writes one reply as one line. */
    void emit(Object reply) throws IOException;

    /** Writes each reply as a line of its own, in order. */
    default void emitAll(Iterable<?> replies) throws IOException {
        for (Object reply : replies) {
            emit(reply);
        }
    }

    /** The raw stream, for commands whose result is bytes (no JSON lines may be mixed in). */
    OutputStream binary();
}
