package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.client.session.ClientSession;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.tests.harness.Await;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.OpenSsh;
import org.gallerist.tests.harness.SshKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The limits an outsider meets, each hit over real SSH on loopback with small values: every one answers with its
 * error naming the limit, and the server goes on serving the same session and everyone else.
 */
class ServerLimitsTest {

    private static final String PASSWORD = new String(GalleristServerExtension.password());

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh()
            .with("maxChannelsPerSession", 3).with("stdinTimeoutSeconds", 2).with("commandTimeoutSeconds", 4)
            .with("maxSessionsPerAccount", 2).with("maxStartupsPerSource", 3).with("loginGraceSeconds", 6)
            .with("accountFailuresBeforeBlock", 3).with("blockSeconds", 60);

    @Test
    void parkedChannelsGiveUpOnTheirInputAndTheSessionStaysUsable() throws Exception {
        server.signUp("alice");
        try (MinaSsh ssh = new MinaSsh(server.address().port());
                ClientSession session = ssh.logIn("127.0.0.1", "alice", PASSWORD)) {
            List<MinaSsh.Exec> parked = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                parked.add(MinaSsh.exec(session, "orders place"));
            }
            assertThrows(Exception.class, () -> MinaSsh.exec(session, "whoami"), "a 4th channel is refused");
            for (MinaSsh.Exec exec : parked) {
                assertEquals(1, exec.awaitExit(MinaSsh.WAIT), exec.errorText());
                JsonObject error = JsonParser.parseString(exec.errorText()).getAsJsonObject();
                assertEquals("stdin_timeout", error.get("error").getAsString());
                assertEquals("stdinTimeoutSeconds", error.get("limit").getAsString());
                assertEquals(2, error.get("max").getAsInt());
            }
            MinaSsh.Exec whoami = MinaSsh.exec(session, "whoami");
            whoami.stdin().close();
            assertEquals(0, whoami.awaitExit(MinaSsh.WAIT), whoami.errorText());
            assertTrue(whoami.stdout().toString(StandardCharsets.UTF_8).contains("\"alice\""));
        }
    }

    @Test
    void aCommandPastItsDeadlineIsStopped() throws Exception {
        server.signUp("alice");
        try (MinaSsh ssh = new MinaSsh(server.address().port());
                ClientSession session = ssh.logIn("127.0.0.1", "alice", PASSWORD)) {
            MinaSsh.Exec upload = MinaSsh.exec(session, "images add --name slow --price 1 --quantity 1");
            OutputStream stdin = upload.stdin();
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            try {
                while (upload.channel().isOpen() && System.nanoTime() < end) {
                    stdin.write(0x42); // a byte now and then: never idle long enough for stdin_timeout
                    stdin.flush();
                    Thread.sleep(500);
                }
            } catch (java.io.IOException closedByServer) {
                // the server closed the channel
            }
            assertEquals(1, upload.awaitExit(MinaSsh.WAIT), upload.errorText());
            JsonObject error = JsonParser.parseString(upload.errorText()).getAsJsonObject();
            assertEquals("command_timeout", error.get("error").getAsString());
            assertEquals(4, error.get("max").getAsInt());
        }
        assertEquals("alice", server.logIn("alice").whoami().name(), "the server goes on");
    }

    @Test
    void sessionsPerAccountAreCappedWithAClearError() throws Exception {
        server.signUp("alice");
        GalleristSession first = server.logIn("alice");
        GalleristSession second = server.logIn("alice");
        first.whoami();
        second.whoami();
        try (GalleristSession third = server.logIn("alice")) {
            GalleristException refused = assertThrows(GalleristException.class, third::whoami);
            assertEquals(ErrorCode.TOO_MANY_SESSIONS, refused.code(), refused.getMessage());
            assertEquals("maxSessionsPerAccount", refused.details().get(GalleristException.LIMIT));
        }
        server.signUp("bob");
        assertEquals("bob", server.logIn("bob").whoami().name(), "other accounts are not affected");
        first.close();
        try (GalleristSession again = server.logIn("alice")) {
            assertEquals("alice", again.whoami().name(), "a closed session frees its place");
        }
        second.close();
    }

    @Test
    void connectionsNotLoggedInAreCappedPerSource() throws Exception {
        server.signUp("alice");
        int port = server.address().port();
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = MinaSsh.holdPreLogin("127.0.0.2", port);
                assertNotNull(socket, "connection " + (i + 1) + " is let in");
                held.add(socket);
            }
            assertNull(MinaSsh.holdPreLogin("127.0.0.2", port), "a 4th from the same source is turned away");
            assertEquals("alice", server.logIn("alice").whoami().name(), "other sources are not affected");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void connectionsThatHoldTheLoginOpenAreClosedAndTheirSourcePenalised() throws Exception {
        server.signUp("alice");
        int port = server.address().port();
        Socket first = MinaSsh.holdPreLogin("127.0.0.3", port);
        Socket second = MinaSsh.holdPreLogin("127.0.0.3", port);
        assertTrue(MinaSsh.closedByServer(first, Duration.ofSeconds(15)), "closed after the login grace time");
        assertTrue(MinaSsh.closedByServer(second, Duration.ofSeconds(15)));
        // two grace timeouts of 10 s each reach the 15 s from which a source is refused
        assertNull(MinaSsh.holdPreLogin("127.0.0.3", port), "the source is refused for a while");
        assertEquals("alice", server.logIn("alice").whoami().name(), "other sources are not affected");
    }

    @Test
    void wrongPasswordsBlockTheAccountsPasswordLoginButNotItsKey() throws Exception {
        OpenSsh.assumeInstalled();
        var alice = server.openSsh().signedUp("alice");
        try (MinaSsh ssh = new MinaSsh(server.address().port())) {
            for (int i = 0; i < 4; i++) {
                assertFalse(ssh.tryPassword("127.0.0.4", "alice", "wrong-password-" + i));
            }
            assertFalse(ssh.tryPassword("127.0.0.5", "alice", PASSWORD),
                    "even the right password is refused while the account is blocked, from anywhere");
        }
        var whoami = server.openSsh().shell(alice.ssh() + " whoami");
        assertEquals(0, whoami.exitCode(), "the owner's key still logs in: " + whoami);
        assertTrue(whoami.stdout().contains("\"alice\""), whoami.stdout());
        Path log = server.dataDir().resolve("logs").resolve("gallerist.log");
        Await.until(Duration.ofSeconds(10), "the refusal in the log",
                () -> read(log).contains("Password login for \"alice\" from 127.0.0.5 refused unchecked"));
    }

    @Test
    void anAccountHoldsAtMost32Keys() throws Exception {
        OpenSsh.assumeInstalled();
        server.signUp("alice");
        try (GalleristSession alice = server.logIn("alice")) {
            for (int i = 0; i < 32; i++) {
                alice.addKey(SshKeys.generate(server.folder().resolve("keys"), "key" + i, "ed25519").publicLine());
            }
            String oneMore = SshKeys.generate(server.folder().resolve("keys"), "key32", "ed25519").publicLine();
            GalleristException refused = assertThrows(GalleristException.class, () -> alice.addKey(oneMore));
            assertEquals(ErrorCode.QUOTA_EXCEEDED, refused.code(), refused.getMessage());
            assertEquals("keys", refused.details().get(GalleristException.LIMIT));
            assertEquals(32, alice.keys().size(), "nothing was added");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
