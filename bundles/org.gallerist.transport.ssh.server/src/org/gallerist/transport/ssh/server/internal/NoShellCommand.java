package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** Answers a shell request: this server only runs commands. */
final class NoShellCommand implements Command {

    static final String MESSAGE = "This server has no interactive shell; run a command instead, "
            + "e.g.: ssh -p PORT USER@HOST help\r\n";

    private OutputStream err;
    private ExitCallback exit;

    @Override
    public void setInputStream(java.io.InputStream in) {
        // nothing is read
    }

    @Override
    public void setOutputStream(OutputStream out) {
        // the message goes to stderr
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        try {
            err.write(MESSAGE.getBytes(StandardCharsets.UTF_8));
            err.flush();
        } finally {
            exit.onExit(1);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        // nothing runs
    }
}
