package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;

/** Answers a shell request: this server only runs commands. */
final class NoShellCommand extends ChannelCommand {

    static final String MESSAGE = "This server has no interactive shell; run a command instead, "
            + "e.g.: ssh -p PORT USER@HOST help\r\n";

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
