package org.gallerist.integration.tests;

import static org.gallerist.tests.harness.GalleristServerExtension.TRUST_ALL;
import static org.gallerist.integration.tests.Refusals.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.api.client.Credentials;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.HostKeyTrust;
import org.gallerist.api.client.ServerAddress;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.Processes;
import org.gallerist.tests.harness.SshKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Sign-up, log-in and keys through the client bundle's API against the real server bundles. */
class AccountsOverSshTest {

    private static final char[] PASSWORD = "correct horse".toCharArray();

    @TempDir
    Path temp;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    private User signUp(String name) {
        return server.signUp(name, PASSWORD, List.of());
    }

    private GalleristSession logIn(String name, char[] password) {
        return server.logIn(name, password);
    }

    @Test
    void signUpThenLogInByPasswordAndNoSignUpMakesAnAdmin() {
        User alice = signUp("alice");
        assertEquals(new User("alice", Role.USER, false, alice.created()), alice, "not even the first account");
        assertEquals(Role.USER, signUp("bob").role());

        try (GalleristSession session = logIn("alice", PASSWORD)) {
            assertEquals("alice", session.whoami().name());
            assertEquals(Role.USER, session.whoami().role());
        }
        try (GalleristSession session = logIn("bob", PASSWORD)) {
            assertEquals(Role.USER, session.whoami().role());
        }
    }

    @Test
    void rejectedSignUpsSayWhyAndChangeNothing() {
        signUp("alice");
        assertFails(ErrorCode.USER_EXISTS, () -> signUp("alice"));
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> signUp("Bad Name"));
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> signUp("signup"));
        assertFails(ErrorCode.WEAK_PASSWORD,
                () -> server.signUp("carol", "short".toCharArray(), List.of()));
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> server.signUp("dave", PASSWORD,
                List.of("ssh-ed25519 not-a-key")));
        // the server is still fine and nothing half-created exists
        assertFails(ErrorCode.UNAUTHORIZED, () -> logIn("carol", "short".toCharArray()));
        assertFails(ErrorCode.UNAUTHORIZED, () -> logIn("dave", PASSWORD));
        try (GalleristSession session = logIn("alice", PASSWORD)) {
            assertEquals("alice", session.whoami().name());
        }
    }

    @Test
    void aWrongPasswordOrUnknownUserFailsLikeAnyLogin() {
        signUp("alice");
        assertFails(ErrorCode.UNAUTHORIZED, () -> logIn("alice", "wrong password".toCharArray()));
        assertFails(ErrorCode.UNAUTHORIZED, () -> logIn("nobody", PASSWORD));
        try (GalleristSession session = logIn("alice", PASSWORD)) {
            assertTrue(session.isOpen());
        }
    }

    @Test
    void keysCanBeAddedUsedListedAndRemoved() throws Exception {
        assumeTrue(Processes.available("ssh-keygen"), "ssh-keygen (OpenSSH client) is not installed");
        SshKeys.KeyPair ed25519 = SshKeys.generate(temp.resolve("keys"), "alice_ed25519", "ed25519");
        SshKeys.KeyPair rsa = SshKeys.generate(temp.resolve("keys"), "alice_rsa", "rsa");
        server.signUp("alice", PASSWORD, List.of(ed25519.publicLine()));

        try (GalleristSession byKey = server.logIn(new Credentials.KeyFile("alice", ed25519.privateKey(), null),
                server.address())) {
            assertEquals("alice", byKey.whoami().name());
            AuthorizedKey added = byKey.addKey(rsa.publicLine());
            assertEquals("ssh-rsa", added.type());
            assertEquals(List.of("ssh-ed25519", "ssh-rsa"), byKey.keys().stream().map(AuthorizedKey::type).toList());
            assertFails(ErrorCode.DUPLICATE, () -> byKey.addKey(rsa.publicLine()));
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> byKey.addKey("ssh-rsa AAAA"));
            byKey.removeKey(added.fingerprint());
            assertFails(ErrorCode.NOT_FOUND, () -> byKey.removeKey(added.fingerprint()));
        }
        assertFails(ErrorCode.UNAUTHORIZED, () -> server.logIn(
                new Credentials.KeyFile("alice", rsa.privateKey(), null), server.address()));
        assertFails(ErrorCode.UNAUTHORIZED, () -> server.logIn(
                new Credentials.KeyFile("bob", ed25519.privateKey(), null), server.address()));
    }

    @Test
    void theHostKeyIsConfirmedOnceAndAChangedKeyIsRefused() throws Exception {
        AtomicReference<String> asked = new AtomicReference<>();
        HostKeyTrust askOnce = (host, port, type, fingerprint) -> {
            assertTrue(asked.compareAndSet(null, fingerprint), "asked twice");
            return true;
        };
        server.client().signUp(server.address(), "alice", PASSWORD, List.of(), server.knownHosts(), askOnce);
        assertEquals(server.hostKeyFingerprint(), asked.get());
        assertTrue(Files.readString(server.knownHosts()).contains("[127.0.0.1]:" + server.address().port()));
        try (GalleristSession session = server.client().connect(server.address(),
                new Credentials.Password("alice", PASSWORD), server.knownHosts(), askOnce)) {
            assertEquals("alice", session.whoami().name());
        }

        assertFails(ErrorCode.HOST_KEY_REJECTED, () -> server.client().connect(server.address(),
                new Credentials.Password("alice", PASSWORD), temp.resolve("other_known_hosts"), HostKeyTrust.REFUSE_UNKNOWN));

        ServerAddress address = server.address();
        Path impostorKnownHosts = temp.resolve("impostor_known_hosts");
        Files.writeString(impostorKnownHosts, "[127.0.0.1]:" + address.port()
                + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFoaqb52cFvIjL1bCzFr6RfokSNaWFY3xLuLoyNargRG\n");
        GalleristException changed = assertThrows(GalleristException.class, () -> server.client().connect(address,
                new Credentials.Password("alice", PASSWORD), impostorKnownHosts, TRUST_ALL));
        assertEquals(ErrorCode.HOST_KEY_CHANGED, changed.code());
        assertTrue(changed.getMessage().contains(server.hostKeyFingerprint()), changed.getMessage());
    }

    @Test
    void accountsAndAdminsSurviveARestartOfTheServerBundles() throws Exception {
        signUp("alice");
        server.promote("alice");
        String fingerprint = server.hostKeyFingerprint();
        server.stop();
        server.startAgain();
        assertEquals(fingerprint, server.hostKeyFingerprint(), "the host key is kept in the data folder");
        try (GalleristSession session = logIn("alice", PASSWORD)) {
            assertEquals(Role.ADMIN, session.whoami().role());
        }
    }

    @Test
    void manyRequestsOnOneSessionRunConcurrently() throws Exception {
        signUp("alice");
        try (GalleristSession session = logIn("alice", PASSWORD)) {
            List<Thread> threads = new java.util.ArrayList<>();
            java.util.concurrent.ConcurrentLinkedQueue<String> names = new java.util.concurrent.ConcurrentLinkedQueue<>();
            for (int i = 0; i < 8; i++) {
                threads.add(Thread.ofPlatform().start(() -> names.add(session.whoami().name())));
            }
            for (Thread thread : threads) {
                thread.join(30_000);
            }
            assertEquals(8, names.size());
            assertTrue(names.stream().allMatch("alice"::equals));
            List<Map<String, Object>> help = session.exec(List.of("help"), new byte[0]);
            assertTrue(help.stream().anyMatch(line -> "whoami".equals(line.get("command"))), help.toString());
            assertFails(ErrorCode.USAGE, () -> session.exec(List.of("no-such-command"), new byte[0]));
            assertEquals("alice", session.whoami().name(), "the session stays usable after an error");
        }
    }
}
