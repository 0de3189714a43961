package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gallerist.api.client.Credentials;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.HostKeyTrust;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user who takes longer than the client's 20-second login limit to read a new server's fingerprint still logs in:
 * the limit waits for the answer, and the trusted key is remembered.
 */
class SlowHostKeyAnswerTest {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @Test
    void timeSpentReadingTheFingerprintDoesNotCountAgainstTheLogin() throws Exception {
        server.signedUp("sara").close();
        Path knownHosts = server.folder().resolve("fresh_known_hosts");
        HostKeyTrust slowReader = (host, port, type, fingerprint) -> {
            try {
                Thread.sleep(23_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return true;
        };
        try (GalleristSession session = server.client().connect(server.address(),
                new Credentials.Password("sara", GalleristServerExtension.password()), knownHosts,
                slowReader)) {
            assertEquals("sara", session.whoami().name());
        }
        assertTrue(Files.readString(knownHosts).contains("ssh-ed25519"), "the answer is remembered");
    }
}
