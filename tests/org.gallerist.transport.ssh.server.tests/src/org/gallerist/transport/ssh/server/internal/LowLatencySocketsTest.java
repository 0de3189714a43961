package org.gallerist.transport.ssh.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.time.Duration;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.io.nio2.Nio2Session;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.gallerist.transport.ssh.common.internal.LowLatencySockets;
import org.junit.jupiter.api.Test;

/**
 * TCP_NODELAY as {@link LowLatencySockets} sets it reaches the real sockets Mina opens: the server's accepted one
 * and the client's connected one (both components apply it), and without it they keep Nagle's algorithm.
 */
class LowLatencySocketsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void bothEndsOfAConnectionSendWithoutDelayWhenApplied() throws Exception {
        assertEquals(List.of(true, true), noDelayOfBothEnds(true));
    }

    @Test
    void withoutItMinaLeavesNaglesAlgorithmOn() throws Exception {
        assertEquals(List.of(false, false), noDelayOfBothEnds(false));
    }

    /** Connects a client to a server, both set up with or without the option; server's socket first. */
    private static List<Boolean> noDelayOfBothEnds(boolean applied) throws Exception {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        server.setPasswordAuthenticator((user, password, session) -> true);
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        if (applied) {
            LowLatencySockets.apply(server);
            LowLatencySockets.apply(client);
        }
        server.start();
        client.start();
        try (ClientSession session = client.connect("alice", new InetSocketAddress("127.0.0.1", server.getPort()))
                .verify(WAIT).getSession()) {
            session.addPasswordIdentity("any");
            session.auth().verify(WAIT);
            List<AbstractSession> accepted = server.getActiveSessions();
            assertEquals(1, accepted.size());
            return List.of(noDelay(accepted.get(0).getIoSession()), noDelay(session.getIoSession()));
        } finally {
            client.stop();
            server.stop(true);
        }
    }

    private static boolean noDelay(IoSession io) throws IOException {
        return assertInstanceOf(Nio2Session.class, io, "Mina's default NIO2 transport").getSocket()
                .getOption(StandardSocketOptions.TCP_NODELAY);
    }
}
