package org.gallerist.transport.ssh.client.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * An OpenSSH agent reached through its Unix socket with the JDK's own Unix-domain channels. Mina's unix agent client
 * needs Tomcat's APR native library, which nobody has installed; the agent protocol itself (framing, identities,
 * signing) stays Mina's, in {@link AbstractAgentProxy}. One request at a time, as the protocol wants.
 */
final class AgentSocket extends AbstractAgentProxy {
    /** An agent's answer is a list of keys or one signature: far below this. */
    private static final int MAX_ANSWER_BYTES = 256 * 1024;

    private final SocketChannel channel;

    AgentSocket(Path socket) throws IOException {
        super(null);
        channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    }

    @Override
    protected synchronized Buffer request(Buffer framed) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(framed.array(), framed.rpos(), framed.available());
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer length = readFully(ByteBuffer.allocate(Integer.BYTES));
        int size = length.flip().getInt();
        if (size <= 0 || size > MAX_ANSWER_BYTES) {
            throw new IOException("The SSH agent answered with a message of " + size + " bytes.");
        }
        return new ByteArrayBuffer(readFully(ByteBuffer.allocate(size)).array());
    }

    private ByteBuffer readFully(ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into) < 0) {
                throw new EOFException("The SSH agent closed the connection.");
            }
        }
        return into;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            channel.close();
        }
    }
}
