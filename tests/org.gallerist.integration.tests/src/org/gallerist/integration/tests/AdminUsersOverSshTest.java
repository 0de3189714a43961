package org.gallerist.integration.tests;

import static org.gallerist.integration.tests.Refusals.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.ServerFacts;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.OpenSsh;
import org.gallerist.tests.harness.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Admins list, disable, enable, promote and demote accounts through the typed API and stock OpenSSH; nobody else
 * may, and a disabled account neither logs in nor keeps using the session it had open.
 */
class AdminUsersOverSshTest {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @Test
    void anAdminDisablesEnablesPromotesAndDemotesOthersAlone() {
        GalleristSession alice = server.signedUpAdmin("alice");
        GalleristSession bob = server.signedUp("bob");
        server.signUp("carol");

        assertEquals(List.of("alice", "bob", "carol"), alice.admin().users().stream().map(User::name).toList());
        assertFails(ErrorCode.FORBIDDEN, () -> bob.admin().users());
        assertFails(ErrorCode.FORBIDDEN, () -> bob.admin().setDisabled("carol", true));

        User disabled = alice.admin().setDisabled("bob", true);
        assertTrue(disabled.disabled());
        assertFails(ErrorCode.UNAUTHORIZED, () -> server.logIn("bob"));
        assertThrows(GalleristException.class, bob::whoami, "the open session fails its next command");
        assertTrue(alice.admin().users().get(1).disabled());
        assertFalse(alice.admin().setDisabled("bob", false).disabled());
        try (GalleristSession again = server.logIn("bob")) {
            assertEquals("bob", again.whoami().name());
        }

        assertFails(ErrorCode.INVALID_ARGUMENT, () -> alice.admin().setDisabled("alice", true));
        assertFails(ErrorCode.NOT_FOUND, () -> alice.admin().setDisabled("nobody", true));
        assertEquals(Role.ADMIN, alice.admin().promote("carol").role());
        assertEquals(Role.USER, alice.admin().demote("carol").role());
        assertFails(ErrorCode.FORBIDDEN, () -> alice.admin().demote("alice"));
        assertEquals("alice", alice.whoami().name(), "refusals leave the session usable");
    }

    @Test
    void stockOpenSshListsForAdminsAndRefusesOthers() throws Exception {
        OpenSsh ssh = server.openSsh();
        OpenSsh.User owner = ssh.signedUp("owner");
        OpenSsh.User guest = ssh.signedUp("guest");
        server.promote("owner");
        Processes.Result list = ssh.shell(owner.ssh() + " users list");
        assertEquals(0, list.exitCode(), list.stderr());
        List<String> lines = list.stdout().lines().toList();
        assertEquals(2, lines.size(), list.stdout());
        assertTrue(lines.get(0).startsWith("{\"user\":\"guest\",\"role\":\"user\",\"disabled\":false,\"created\":"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"user\":\"owner\",\"role\":\"admin\",\"disabled\":false,"), lines.get(1));
        Processes.Result refused = ssh.shell(guest.ssh() + " users disable owner");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.stderr().contains("\"error\":\"forbidden\""), refused.stderr());
        Processes.Result disable = ssh.shell(owner.ssh() + " users disable guest");
        assertEquals(0, disable.exitCode(), disable.stderr());
        assertTrue(disable.stdout().contains("\"disabled\":true"), disable.stdout());
    }

    @Test
    void serverInfoTellsTheVersionAndWhenTheServerStarted() {
        try (GalleristSession anyone = server.signedUp("dora")) {
            ServerFacts facts = anyone.serverFacts();
            assertTrue(facts.version().matches("\\d+\\.\\d+\\.\\d+.*"), facts.version());
            assertTrue(facts.started().isBefore(Instant.now()) && facts.started().isAfter(Instant.now()
                    .minus(Duration.ofHours(6))), facts.started().toString());
        }
    }
}
