package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.Credentials;
import org.gallerist.api.client.GalleristClient;
import org.gallerist.api.client.HostKeyTrust;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server bundles log to {@code <data>/logs/gallerist.log}, and a client cannot forge an entry there. */
class ServerLogFileTest {

    private static final HostKeyTrust TRUST = (host, port, type, fingerprint) -> true;
    private static final String FAKE = "2026-01-01 00:00:00.000 INFO [org.gallerist.server] fake line";

    @TempDir
    Path temp;

    @Test
    void aForgedUsernameAppearsEscapedInTheLogFileUnderTheDataFolder() throws Exception {
        Path data = temp.resolve("data");
        Path log = data.resolve("logs/gallerist.log");
        try (TestServer server = TestServer.start(data)) {
            GalleristClient client = TestServer.service(GalleristClient.class);
            String forged = "mallory\n" + FAKE;
            GalleristException refused = assertThrows(GalleristException.class, () -> client.connect(server.address(),
                    new Credentials.Password(forged, "guess".toCharArray()), temp.resolve("known_hosts"), TRUST));
            assertEquals(ErrorCode.UNAUTHORIZED, refused.code(), refused.getMessage());

            assertTrue(Files.isRegularFile(log), "the server logs to " + log);
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log.getParent())));
            String escaped = "Wrong password for \"mallory\\n" + FAKE + "\" from 127.0.0.1";
            long deadline = System.currentTimeMillis() + 10_000;
            while (!Files.readString(log).contains(escaped) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            List<String> lines = Files.readAllLines(log);
            assertTrue(lines.stream().anyMatch(line -> line.contains(escaped)), "escaped in one line: " + lines);
            assertFalse(lines.stream().anyMatch(line -> line.startsWith(FAKE)), "no forged line: " + lines);
        }
    }
}
