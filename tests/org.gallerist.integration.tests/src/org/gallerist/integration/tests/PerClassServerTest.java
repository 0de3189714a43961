package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gallerist.api.Role;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.ServerAddress;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link GalleristServerExtension#perClass()}: one server and data folder serve every test of a class. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassServerTest {

    @RegisterExtension
    static GalleristServerExtension server = GalleristServerExtension.fresh().perClass();

    private static ServerAddress address;
    private static GalleristSession alice;
    private static Path folder;

    @Test
    @Order(1)
    void theFirstTestSignsUpTheAdmin() {
        address = server.address();
        folder = server.folder();
        alice = server.signedUpAdmin("alice");
        assertEquals(Role.ADMIN, alice.whoami().role());
    }

    @Test
    @Order(2)
    void theNextTestFindsTheSameServerAccountAndOpenSession() {
        assertEquals(address, server.address());
        assertTrue(alice.isOpen(), "sessions live as long as the class's server");
        assertEquals(Role.USER, server.signedUp("bob").whoami().role());
        assertEquals("alice", server.logIn("alice").whoami().name());
    }

    @AfterAll
    static void theServerIsStillThereUntilAfterAll() {
        assertTrue(alice.isOpen());
        assertTrue(Files.isDirectory(folder));
        assertFalse(folder.startsWith(server.dataDir()));
    }
}
