package org.gallerist.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogFileTest {

    @TempDir
    Path temp;

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setLoggerName("test");
        return record;
    }

    @Test
    void rotatesBySizeKeepingTheCurrentFileUnderItsNameAndAtMostCountFiles() throws Exception {
        Path file = temp.resolve("data/logs/gallerist.log");
        RotatingLogFile log = new RotatingLogFile(file, 200, 3);
        try {
            for (int i = 0; i < 40; i++) {
                log.publish(record("line " + i + " " + "x".repeat(40)));
            }
        } finally {
            log.close();
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).contains("line 39 "), "the newest line is in the current file");
        assertTrue(Files.size(file) <= 200);
        assertTrue(Files.exists(temp.resolve("data/logs/gallerist.log.1")));
        assertTrue(Files.exists(temp.resolve("data/logs/gallerist.log.2")));
        assertFalse(Files.exists(temp.resolve("data/logs/gallerist.log.3")), "only 3 files are kept");
    }

    @Test
    void appendsToTheFileOfTheLastRun() throws Exception {
        Path file = temp.resolve("logs/gallerist.log");
        for (String run : List.of("first", "second")) {
            RotatingLogFile log = new RotatingLogFile(file, 10_000, 5);
            log.publish(record(run + " run"));
            log.close();
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("INFO [test] first run"), lines.get(0));
    }

    @Test
    void anEntryIsOneLineThatNoBreakInItsMessageOrStackTraceCanForge() {
        LogRecord record = record("Mina says: user=mallory\n2026-01-01 00:00:00.000 INFO [x] fake\r\u2028line");
        record.setThrown(new IllegalStateException("evil\n2026-01-01 00:00:00.000 INFO [x] fake"));
        String entry = new LogFileFormatter().format(record);
        String[] lines = entry.split("\n");
        assertTrue(lines[0].endsWith("user=mallory\\n2026-01-01 00:00:00.000 INFO [x] fake\\r\\u2028line"), lines[0]);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].startsWith("\t"), "line " + i + " of a stack trace is indented: " + lines[i]);
        }
        assertTrue(entry.endsWith("\n"));
    }
}
