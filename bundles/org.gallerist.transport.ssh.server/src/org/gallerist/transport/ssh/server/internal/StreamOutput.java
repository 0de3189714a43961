package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import org.gallerist.api.command.CommandOutput;

/** A command's stdout: JSON lines or raw bytes on the same (buffered) stream. */
final class StreamOutput implements CommandOutput {

    private final OutputStream out;
    private final JsonLines json;

    StreamOutput(OutputStream out, JsonLines json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void emit(Map<String, ?> object) throws IOException {
        json.write(out, object);
    }

    @Override
    public OutputStream binary() {
        return out;
    }
}
