package org.gallerist.transport.ssh.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.ServerAddress;

/** One request: an exec channel on a logged-in session, its stdin streamed, run to its end. */
final class Exec {

    private static final Duration CHANNEL_OPEN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration EARLY_ANSWER_WAIT = Duration.ofSeconds(5);

    private Exec() {
    }

    /**
     * @return the command's exit status
     * @throws ConnectionLost if the session ended before the command did
     */
    static int run(ClientSession session, ServerAddress server, String commandLine, InputStream stdin,
            OutputStream out, OutputStream err) {
        boolean opened = false;
        try (ChannelExec channel = session.createExecChannel(commandLine)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(CHANNEL_OPEN_TIMEOUT);
            opened = true;
            try (OutputStream in = channel.getInvertedIn()) {
                stdin.transferTo(in);
            } catch (IOException e) {
                // A server that rejects a request early (bad option, too large) closes the channel while we still
                // send; its exit status and error then say more than the broken pipe does.
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), EARLY_ANSWER_WAIT.toMillis());
                if (channel.getExitStatus() == null) {
                    throw e;
                }
            } // closing stdin sends EOF, which commands reading their input wait for
            // No time limit: a live server answers, and a dead connection closes the channel (see the heartbeat).
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), 0L);
            Integer status = channel.getExitStatus();
            if (status != null) {
                return status;
            }
            if (!session.isOpen()) {
                throw new ConnectionLost(server, true);
            }
            throw new GalleristException(ErrorCode.INTERNAL,
                    "The server " + server + " ended the request without saying how it went.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof GalleristException known) {
                throw known;
            }
            if (!session.isOpen()) {
                throw new ConnectionLost(server, opened);
            }
            throw new GalleristException(ErrorCode.CONNECTION_FAILED,
                    "The request to " + server + " failed: " + Failures.reason(e), e);
        }
    }
}
