package org.gallerist.transport.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.gallerist.tests.harness.GalleristServerExtension;

/** One logged-in Mina session; each request an exec channel read to its end, as any SSH client does it. */
final class RawSession implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final SshClient client;
    private final ClientSession session;

    private RawSession(SshClient client, ClientSession session) {
        this.client = client;
        this.session = session;
    }

    static RawSession logIn(SshClient client, int port, String user) throws IOException {
        ClientSession session = client.connect(user, new InetSocketAddress("127.0.0.1", port)).verify(WAIT)
                .getSession();
        session.addPasswordIdentity(new String(GalleristServerExtension.password()));
        session.auth().verify(WAIT);
        return new RawSession(client, session);
    }

    /** Runs {@code command}; its stdout, once the channel has closed with exit status 0. */
    byte[] run(String command) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(WAIT);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
            Integer status = channel.getExitStatus();
            if (status == null || status != 0) {
                throw SessionLatencyBench.failed(command, "exit status " + status + ": " + err);
            }
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        try {
            session.close();
        } finally {
            client.stop();
        }
    }
}
