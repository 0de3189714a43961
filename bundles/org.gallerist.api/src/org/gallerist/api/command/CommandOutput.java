package org.gallerist.api.command;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** The stdout of one exec request. JSON values are maps, lists, strings, numbers, booleans and null. */
public interface CommandOutput {

    /** Writes one JSON object as one line. */
    void emit(Map<String, ?> object) throws IOException;

    /** The raw stream, for commands whose result is bytes (no JSON lines may be mixed in). */
    OutputStream binary();
}
