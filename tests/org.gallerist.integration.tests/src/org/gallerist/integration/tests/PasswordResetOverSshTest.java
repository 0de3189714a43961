package org.gallerist.integration.tests;

import static org.gallerist.integration.tests.Refusals.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.account.PasswordReset;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.LoopbackProxy;
import org.gallerist.tests.harness.OpenSsh;
import org.gallerist.tests.harness.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An admin resets a password: the old one stops working at once, the one-time token logs in, the account's sessions
 * can do nothing but set a new password until one is set, and the token is used up by it. Through the typed API
 * and stock OpenSSH.
 */
class PasswordResetOverSshTest {

    private static final char[] NEW_PASSWORD = "a-new-long-passphrase-7".toCharArray();

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @Test
    void theTokenReplacesThePasswordUntilTheUserSetsANewOne() {
        GalleristSession alice = server.signedUpAdmin("alice");
        GalleristSession bobBefore = server.signedUp("bob");

        PasswordReset reset = alice.admin().resetPassword("bob");
        assertEquals("bob", reset.user());
        assertTrue(reset.expires().isAfter(Instant.now().plus(Duration.ofHours(23))), reset.expires().toString());

        assertFails(ErrorCode.UNAUTHORIZED, () -> server.logIn("bob"));
        assertTrue(bobBefore.passwordChangeRequired(), "a session open before the reset is held too");
        GalleristException held = assertFails(ErrorCode.PASSWORD_CHANGE_REQUIRED,
                () -> bobBefore.images().list(ImageQuery.all()));
        assertTrue(held.getMessage().contains("password set"), held.getMessage());

        GalleristSession bob = server.logIn("bob", reset.token().toCharArray());
        assertEquals("bob", bob.whoami().name());
        assertTrue(bob.passwordChangeRequired());
        assertFails(ErrorCode.PASSWORD_CHANGE_REQUIRED, () -> bob.keys());
        assertFails(ErrorCode.FORBIDDEN, () -> bob.changePassword("not-the-token".toCharArray(), NEW_PASSWORD));
        assertFails(ErrorCode.WEAK_PASSWORD, () -> bob.changePassword(reset.token().toCharArray(), "bob".toCharArray()));
        assertTrue(bob.passwordChangeRequired(), "refused changes change nothing");

        bob.changePassword(reset.token().toCharArray(), NEW_PASSWORD);
        assertFalse(bob.passwordChangeRequired());
        assertTrue(bob.images().list(ImageQuery.all()).items().isEmpty(), "the session is free again");
        assertTrue(bobBefore.keys().isEmpty(), "and so is the one from before");
        assertFails(ErrorCode.UNAUTHORIZED, () -> server.logIn("bob", reset.token().toCharArray()));
        try (GalleristSession again = server.logIn("bob", NEW_PASSWORD)) {
            assertFalse(again.passwordChangeRequired());
        }
    }

    @Test
    void onlyAdminsResetAndRefusalsChangeNothing() {
        GalleristSession alice = server.signedUpAdmin("alice");
        GalleristSession bob = server.signedUp("bob");
        assertFails(ErrorCode.FORBIDDEN, () -> bob.admin().resetPassword("alice"));
        assertFails(ErrorCode.NOT_FOUND, () -> alice.admin().resetPassword("nobody"));
        assertFails(ErrorCode.FORBIDDEN, () -> bob.changePassword("wrong-current-pw".toCharArray(), NEW_PASSWORD));
        try (GalleristSession aliceAgain = server.logIn("alice")) {
            assertFalse(aliceAgain.passwordChangeRequired(), "a refused reset leaves the password working");
        }

        bob.changePassword(GalleristServerExtension.password(), NEW_PASSWORD);
        assertFails(ErrorCode.UNAUTHORIZED, () -> server.logIn("bob"));
        server.logIn("bob", NEW_PASSWORD).close();
    }

    @Test
    void aSessionThatChangedItsPasswordLogsInWithTheNewOneAfterADrop() throws Exception {
        server.signUp("carol");
        LoopbackProxy proxy = server.closeBeforeStop(LoopbackProxy.to(server.address()));
        GalleristSession carol = server.logIn("carol", proxy.address());
        carol.changePassword(GalleristServerExtension.password(), NEW_PASSWORD);
        proxy.cut();
        assertEquals("carol", carol.whoami().name(), "reconnected with the new password");
        assertTrue(proxy.connectionsAccepted() >= 2, "it did reconnect");
    }

    @Test
    void stockOpenSshSetsTheNewPasswordWithTheToken() throws Exception {
        OpenSsh ssh = server.openSsh();
        OpenSsh.User dora = ssh.signedUp("dora");
        server.signUp("admin");
        server.promote("admin");
        PasswordReset reset = server.logIn("admin").admin().resetPassword("dora");

        Processes.Result held = ssh.shell(dora.ssh() + " images list");
        assertEquals(1, held.exitCode(), held.stdout());
        assertTrue(held.stderr().contains("\"error\":\"password_change_required\""), held.stderr());
        Processes.Result whoami = ssh.shell(dora.ssh() + " whoami");
        assertTrue(whoami.stdout().contains("\"password_change_required\":true"), whoami.stdout());

        Processes.Result set = ssh.run("dora", dora.key().privateKey(), reset.token() + "\n"
                + new String(NEW_PASSWORD) + "\n", "password", "set");
        assertEquals(0, set.exitCode(), set.stderr());
        assertEquals("{\"user\":\"dora\",\"changed\":true}", set.stdout().strip());
        Processes.Result free = ssh.shell(dora.ssh() + " whoami");
        assertFalse(free.stdout().contains("password_change_required"), free.stdout());
        server.logIn("dora", NEW_PASSWORD).close();

        Processes.Result noInput = ssh.run("dora", dora.key().privateKey(), "only-one-line\n", "password", "set");
        assertEquals(1, noInput.exitCode());
        assertTrue(noInput.stderr().contains("\"error\":\"invalid_argument\""), noInput.stderr());
    }
}
