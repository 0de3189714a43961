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
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real server bundles log to {@code <data>/logs/gallerist.log}, and a client cannot forge an entry there. */
class ServerLogFileTest {

    private static final String FAKE = "2026-01-01 00:00:00.000 INFO [org.gallerist.server] fake line";

    @RegisterExtension
    final GalleristServerExtension server = GalleristServerExtension.fresh();

    @Test
    void aForgedUsernameAppearsEscapedInTheLogFileUnderTheDataFolder() throws Exception {
        server.start();
        Path log = server.dataDir().resolve("logs/gallerist.log");
        String forged = "mallory\n" + FAKE;
        GalleristException refused = assertThrows(GalleristException.class,
                () -> server.logIn(forged, "guess".toCharArray()));
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
