package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.server.internal.ConsoleCommands;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's console commands against the real server bundles. */
class ServerConsoleTest {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    @Test
    void listsUsersDisablesThemRenamesTagsAndCounts() throws Exception {
        server.signUp("alice");
        server.signUp("bob");
        long cat;
        try (GalleristSession bob = server.logIn("bob")) {
            cat = bob.images().add(new NewImage("Cat", "", List.of("kitty"), BigDecimal.ONE, 1, Visibility.PUBLIC),
                    TestImages.png(1, 40, 40)).id();
        }
        ConsoleCommands console = TestServer.service(ConsoleCommands.class);
        assertFalse(console.users().contains("admin"), "no sign-up makes an admin: " + console.users());
        assertEquals("Promoted alice to admin.", console.promote("alice"));

        String users = console.users();
        assertTrue(users.contains("alice") && users.contains("admin") && users.endsWith("2 users"), users);
        assertTrue(console.stats().replace(System.lineSeparator(), "\n").startsWith("users: 2\nimages: 1\ntags: 1\norders: 0\nsimilarity: "), console.stats());

        assertTrue(console.renametag("kitty", "cats").startsWith("Renamed"));
        assertTrue(console.renametag("nope", "x").startsWith("Error (not_found)"), "errors read, no stack trace");

        GalleristSession open = server.logIn("bob");
        assertEquals("bob", open.whoami().name(), "the account is known to the server now (and cached)");
        assertTrue(console.disable("bob").startsWith("Disabled bob"));
        GalleristException refused = org.junit.jupiter.api.Assertions.assertThrows(GalleristException.class,
                () -> server.logIn("bob"));
        assertEquals(ErrorCode.UNAUTHORIZED, refused.code());
        assertEquals(ErrorCode.FORBIDDEN, org.junit.jupiter.api.Assertions.assertThrows(GalleristException.class,
                open::whoami).code(), "at once, also on a session opened before");
        console.enable("bob");
        assertEquals("bob", open.whoami().name(), "enabled again, at once");
        try (GalleristSession bob = server.logIn("bob")) {
            assertEquals(List.of("cats"), bob.images().show(cat).tags());
        }

        String reset = console.resetpassword("alice");
        assertTrue(reset.startsWith("Reset the password of alice."), reset);
        String token = reset.lines().skip(1).findFirst().orElseThrow().strip();
        try (GalleristSession alice = server.logIn("alice", token.toCharArray())) {
            assertTrue(alice.passwordChangeRequired(), "the only admin gets back in through the console");
        }
        assertTrue(console.resetpassword("nobody").startsWith("Error (not_found)"), console.resetpassword("nobody"));
    }
}
