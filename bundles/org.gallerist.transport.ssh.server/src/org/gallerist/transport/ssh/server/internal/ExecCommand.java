package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.session.ServerSession;

/** One exec channel: runs the dispatcher on a pool thread so channels of one session run side by side. */
final class ExecCommand extends ChannelCommand {

    private final String commandLine;
    private final CommandDispatcher dispatcher;
    private final ExecutorService executor;
    private volatile Future<?> running;

    ExecCommand(String commandLine, CommandDispatcher dispatcher, ExecutorService executor) {
        this.commandLine = commandLine;
        this.dispatcher = dispatcher;
        this.executor = executor;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        ServerSession session = channel.getServerSession();
        String username = session.getUsername();
        String source = sourceOf(session.getClientAddress());
        running = executor.submit(() -> {
            int status = dispatcher.run(username, source, commandLine, in, out, err);
            exit.onExit(status);
        });
    }

    @Override
    public void destroy(ChannelSession channel) {
        Future<?> task = running;
        if (task != null) {
            task.cancel(true);
        }
    }

    static String sourceOf(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }
}
