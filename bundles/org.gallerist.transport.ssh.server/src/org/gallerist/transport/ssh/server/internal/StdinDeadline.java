package org.gallerist.transport.ssh.server.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;

import org.apache.sshd.common.channel.ChannelPipedInputStream;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/**
 * A command's standard input that gives up when the client sends nothing for {@code timeout}: Mina's channel pipe
 * fails such a read, and this turns that into {@code stdin_timeout}, so a client that opens {@code orders place} and
 * never writes holds a channel for seconds, not forever.
 */
final class StdinDeadline extends FilterInputStream {

    private final Duration timeout;

    private StdinDeadline(InputStream in, Duration timeout) {
        super(in);
        this.timeout = timeout;
    }

    static InputStream of(InputStream in, Duration timeout) {
        if (in instanceof ChannelPipedInputStream piped) {
            piped.setTimeout(timeout.toMillis());
        }
        return new StdinDeadline(in, timeout);
    }

    @Override
    public int read() throws IOException {
        long start = System.nanoTime();
        try {
            return super.read();
        } catch (SocketException e) {
            throw timedOutOr(e, start);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        long start = System.nanoTime();
        try {
            return super.read(b, off, len);
        } catch (SocketException e) {
            throw timedOutOr(e, start);
        }
    }

    private SocketException timedOutOr(SocketException e, long start) {
        if (System.nanoTime() - start < timeout.toNanos()) {
            return e;
        }
        throw new GalleristException(ErrorCode.STDIN_TIMEOUT, "No input arrived for " + timeout.toSeconds()
                + " seconds; send the command's input right away (the server gives up on idle input).",
                Map.of(GalleristException.LIMIT, "stdinTimeoutSeconds", GalleristException.MAX, timeout.toSeconds()));
    }
}
