package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.io.OutputStream;

import org.gallerist.spi.command.CommandOutput;
import org.gallerist.protocol.WireJson;

/** A command's stdout: JSON lines or raw bytes on the same (buffered) stream. */
final class StreamOutput implements CommandOutput {

    private final OutputStream out;
    private final WireJson json;

    StreamOutput(OutputStream out, WireJson json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void emit(Object reply) throws IOException {
        json.write(out, reply);
    }

    @Override
    public OutputStream binary() {
        return out;
    }
}
