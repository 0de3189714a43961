package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.session.ServerSession;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/**
 * One exec channel: runs the dispatcher on its own (virtual) thread so channels of one session run side by side and a
 * command waiting for input costs no platform thread. Its input gives up when idle ({@link StdinDeadline}); the
 * whole command gives up at its deadline with {@code command_timeout}; a session over a cap answers its refusal.
 */
final class ExecCommand extends ChannelCommand {

    record Limits(Duration stdinTimeout, Duration commandTimeout) {
    }

    /** What every channel of the server shares: who runs the commands, on which threads, with which deadlines. */
    record Setup(CommandDispatcher dispatcher, ExecutorService executor, ScheduledExecutorService timer,
            Limits limits) {
    }

    private final String commandLine;
    private final Setup setup;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Future<?> running;
    private volatile ScheduledFuture<?> deadline;

    ExecCommand(String commandLine, Setup setup) {
        this.commandLine = commandLine;
        this.setup = setup;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        ServerSession session = channel.getServerSession();
        GalleristException refusal = session.getAttribute(ConnectionGuard.REFUSAL);
        String username = session.getUsername();
        String source = sourceOf(session.getClientAddress());
        InputStream stdin = StdinDeadline.of(in, setup.limits().stdinTimeout());
        running = setup.executor().submit(() -> {
            int status = refusal != null ? setup.dispatcher().refuse(err, refusal)
                    : setup.dispatcher().run(username, source, commandLine, stdin, out, err, finished::get);
            finish(status);
            if (refusal != null) {
                session.close(false);
            }
        });
        long timeout = setup.limits().commandTimeout().toMillis();
        deadline = setup.timer().schedule(this::timeOut, timeout, TimeUnit.MILLISECONDS);
    }

    private void timeOut() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        long seconds = setup.limits().commandTimeout().toSeconds();
        GalleristException timedOut = new GalleristException(ErrorCode.COMMAND_TIMEOUT, "The command ran longer"
                + " than " + seconds + " seconds and was stopped.", Map.of(GalleristException.LIMIT,
                        "commandTimeoutSeconds", GalleristException.MAX, seconds));
        int status = setup.dispatcher().refuse(err, timedOut);
        cancelRunning();
        exit.onExit(status);
    }

    private void finish(int status) {
        if (finished.compareAndSet(false, true)) {
            cancelDeadline();
            exit.onExit(status);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        finished.set(true);
        cancelDeadline();
        cancelRunning();
    }

    private void cancelDeadline() {
        ScheduledFuture<?> timeout = deadline;
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    private void cancelRunning() {
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
