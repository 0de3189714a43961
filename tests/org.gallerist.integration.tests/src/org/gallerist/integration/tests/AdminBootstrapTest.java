package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.Role;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.server.internal.ConsoleCommands;
import org.gallerist.tests.harness.Await;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.OpenSsh;
import org.gallerist.tests.harness.Processes;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * No sign-up makes an admin: the first one claims the role with the one-time token the server logs while it has
 * none, or the operator promotes one on the console; only admins promote and demote, and the last admin stays one.
 */
class AdminBootstrapTest {

    private static final Pattern TOKEN = Pattern.compile("users claim-admin ([0-9a-f]{32})\\b");

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    /**
     * The server's log as its handlers see it (the harness, unlike the launcher, attaches the log file only when its
     * component starts, which may be after the account service has logged the token).
     */
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Handler listener = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            log.add(formatter.formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(listener);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(listener);
    }

    /** The tokens logged so far, oldest first. */
    private List<String> loggedTokens() {
        return log.stream().flatMap(line -> TOKEN.matcher(line).results()).map(result -> result.group(1)).distinct()
                .toList();
    }

    private String awaitToken(int count) throws InterruptedException {
        Await.until(Duration.ofSeconds(10), "token number " + count + " in the server log",
                () -> loggedTokens().size() >= count);
        return loggedTokens().get(count - 1);
    }

    private static Map<String, Object> users(GalleristSession session, String... words) {
        List<String> command = new java.util.ArrayList<>(List.of("users"));
        command.addAll(List.of(words));
        List<Map<String, Object>> replies = session.exec(command, new byte[0]);
        assertEquals(1, replies.size(), replies.toString());
        return replies.get(0);
    }

    private static void refused(String messagePart, Executable action) {
        GalleristException e = assertThrows(GalleristException.class, action);
        assertEquals(ErrorCode.FORBIDDEN, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void theFirstAdminClaimsTheRoleWithTheTokenFromTheLogOnce() throws Exception {
        GalleristSession alice = server.signedUp("alice");
        GalleristSession bob = server.signedUp("bob");
        assertEquals(Role.USER, alice.whoami().role(), "the first sign-up is a user");
        String token = awaitToken(1);

        refused("not the admin token", () -> users(bob, "claim-admin", "0".repeat(32)));
        refused("Only an admin", () -> users(bob, "promote", "bob"));
        Map<String, Object> claimed = users(alice, "claim-admin", token);
        assertEquals("alice", claimed.get("user"));
        assertEquals("admin", claimed.get("role"));
        assertEquals(Role.ADMIN, alice.whoami().role(), "at once, on the open session");

        refused("has an admin already", () -> users(bob, "claim-admin", token));
        assertEquals(Role.USER, bob.whoami().role());
    }

    @Test
    void onlyAdminsPromoteAndDemoteAndTheLastAdminStaysOne() throws Exception {
        GalleristSession alice = server.signedUpAdmin("alice");
        GalleristSession bob = server.signedUp("bob");

        refused("Only an admin", () -> users(bob, "promote", "bob"));
        refused("Only an admin", () -> users(bob, "demote", "alice"));
        refused("last admin", () -> users(alice, "demote", "alice"));
        assertEquals("admin", users(alice, "promote", "bob").get("role"));
        assertEquals("user", users(bob, "demote", "alice").get("role"));
        refused("Only an admin", () -> alice.exec(List.of("tags", "rename", "a", "b"), new byte[0]));
        refused("last admin", () -> users(bob, "demote", "bob"));
        GalleristException missing = assertThrows(GalleristException.class, () -> users(bob, "promote", "nobody"));
        assertEquals(ErrorCode.NOT_FOUND, missing.code());

        ConsoleCommands console = TestServer.service(ConsoleCommands.class);
        assertTrue(console.demote("bob").startsWith("Error (forbidden)"), "the console keeps the last admin too");
        assertEquals("Promoted alice to admin.", console.promote("alice"));
        assertEquals("Demoted bob to user.", console.demote("bob"));
        assertEquals(Role.USER, bob.whoami().role());
    }

    @Test
    void aTokenDiesWithAnAdminOrARestartAndNoneIsLoggedOnceAnAdminExists() throws Exception {
        server.signUp("alice");
        String first = awaitToken(1);
        server.stop();
        server.startAgain(); // on another port: log in again
        GalleristSession alice = server.logIn("alice");
        String second = awaitToken(2);
        assertNotEquals(first, second, "each start without an admin logs a new token");
        refused("not the admin token", () -> users(alice, "claim-admin", first));

        server.signUp("carol");
        server.promote("carol");
        refused("has an admin already", () -> users(alice, "claim-admin", second));
        server.stop();
        server.startAgain();
        assertEquals(Role.ADMIN, server.logIn("carol").whoami().role(), "admins are kept");
        assertEquals(2, loggedTokens().size(), "no token while an admin exists");
    }

    @Test
    void aShopOwnerClaimsTheRoleWithStockOpenSsh() throws Exception {
        OpenSsh ssh = server.openSsh();
        OpenSsh.User owner = ssh.signedUp("owner");
        String token = awaitToken(1);
        Processes.Result claim = ssh.shell(owner.ssh() + " users claim-admin " + token);
        assertEquals(0, claim.exitCode(), claim.stderr());
        assertTrue(claim.stdout().strip().startsWith("{\"user\":\"owner\",\"role\":\"admin\""), claim.stdout());
        Processes.Result again = ssh.shell(owner.ssh() + " users claim-admin " + token);
        assertNotEquals(0, again.exitCode());
        assertTrue(again.stderr().contains("\"error\":\"forbidden\""), again.stderr());
    }
}
