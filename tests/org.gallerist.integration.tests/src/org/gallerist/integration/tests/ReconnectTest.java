package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.SessionState;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session outlives its connection: the server bundles stop and start again (on the same port, as a restarted
 * server would) and the same {@link GalleristSession} object carries on, or says clearly why it cannot.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReconnectTest {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().onFixedPort();

    private GalleristSession alice;
    private final StateLog states = new StateLog();

    @BeforeEach
    void start() throws Exception {
        alice = server.signedUp("alice");
        alice.addStateListener(states);
    }

    @Test
    void theSameSessionWorksAgainAfterTheServerRestarts() throws Exception {
        assertEquals(SessionState.CONNECTED, alice.state());
        server.stop();
        server.startAgain();
        assertEquals("alice", alice.whoami().name(), "the caller does nothing but ask");
        states.await(SessionState.CONNECTED, 30);
        assertEquals(List.of(SessionState.RECONNECTING, SessionState.CONNECTED), states.seen());
        assertEquals(SessionState.CONNECTED, alice.state());
        assertTrue(alice.isOpen());

        alice.close();
        states.await(SessionState.CLOSED, 10);
        assertFalse(alice.isOpen());
        GalleristException closed = assertThrows(GalleristException.class, alice::whoami);
        assertEquals(ErrorCode.CONNECTION_FAILED, closed.code());
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        Thread.sleep(1_000);
        assertEquals(SessionState.CLOSED, states.seen().getLast(), "no reconnecting after close: " + states.seen());
    }

    @Test
    void whileTheServerStaysAwayRequestsFailReadablyAndALaterOneTriesAgain() throws Exception {
        server.stop();
        states.await(SessionState.DISCONNECTED, 40); // the attempts after the drop gave up
        long before = System.nanoTime();
        GalleristException down = assertThrows(GalleristException.class, () -> alice.images().tags());
        assertEquals(ErrorCode.CONNECTION_FAILED, down.code());
        assertTrue(down.getMessage().contains(alice.server().toString()) && down.getMessage().contains("refused"),
                down.getMessage());
        assertFalse(down.getMessage().contains("Exception"), down.getMessage());
        assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(8),
                "a request after the attempts gave up tries once, it does not wait out another round");
        assertEquals(SessionState.DISCONNECTED, alice.state());

        server.startAgain();
        assertEquals("alice", alice.whoami().name());
        assertEquals(SessionState.CONNECTED, alice.state());
    }

    @Test
    void aChangedHostKeyIsRefusedOnReconnectAsAtFirstLogin() throws Exception {
        String knownHostsBefore = Files.readString(server.knownHosts());
        String oldKey = server.hostKeyFingerprint();
        server.stop();
        Files.delete(server.dataDir().resolve("ssh_host_ed25519_key"));
        Files.deleteIfExists(server.dataDir().resolve("ssh_host_ed25519_key.pub"));
        server.startAgain(); // same port, new host key: what an impostor would look like
        String newKey = server.hostKeyFingerprint();
        assertFalse(newKey.equals(oldKey));

        states.await(SessionState.DISCONNECTED, 40);
        GalleristException refused = assertThrows(GalleristException.class, alice::whoami);
        assertEquals(ErrorCode.HOST_KEY_CHANGED, refused.code());
        assertTrue(refused.getMessage().contains(newKey), refused.getMessage());
        assertEquals(SessionState.DISCONNECTED, alice.state());
        assertEquals(knownHostsBefore, Files.readString(server.knownHosts()), "the new key is not learnt");
    }
}
