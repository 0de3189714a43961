package org.gallerist.storage.derby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDerbyTest {

    @TempDir
    Path dataDir;

    @Test
    void aFullDiskIsRecognisedInEachFormDerbyReportsIt() {
        assertTrue(EmbeddedDerby.isDiskFull(new SQLException("Could not write the log", "XSLA4")));
        SQLException chained = new SQLException("A network protocol error", "08006");
        chained.setNextException(new SQLException("Failed to write page", "XSDG1"));
        assertTrue(EmbeddedDerby.isDiskFull(chained), "Derby reports the cause as the next exception");
        assertTrue(EmbeddedDerby.isDiskFull(new SQLException("wrapped", "XJ001",
                new IOException("No space left on device"))));

        assertFalse(EmbeddedDerby.isDiskFull(new SQLException("Deadlock", "40001")));
        assertFalse(EmbeddedDerby.isDiskFull(new SQLException("no SQLState")));
        assertFalse(EmbeddedDerby.isDiskFull(new SQLException("wrapped", "XJ001", new IOException("Permission denied"))));
    }

    @Test
    void deadlockVictimsAndLockTimeoutsAreRolledBackWholeAndNothingElse() throws Exception {
        try (EmbeddedDerby derby = new EmbeddedDerby(dataDir)) {
            assertTrue(derby.rolledBackWhole(new SQLException("deadlock", "40001")));
            assertTrue(derby.rolledBackWhole(new SQLException("lock timeout", "40XL1")));
            assertFalse(derby.rolledBackWhole(new SQLException("duplicate", "23505")));
            assertFalse(derby.rolledBackWhole(new SQLException("a pool's own time-out has no SQLState")));
        }
    }

    @Test
    void theDatabaseLivesInTheDataFoldersDbReadableByItsOwnerOnlyAndSurvivesAReopen() throws Exception {
        try (EmbeddedDerby derby = new EmbeddedDerby(dataDir); Connection connection = derby.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO notes VALUES (7)");
            assertTrue(derby.describe().endsWith(dataDir.resolve("db").toString()), derby.describe());
        }
        try (Stream<Path> files = Files.walk(dataDir.resolve("db"))) {
            files.filter(Files::isRegularFile).forEach(file -> assertEquals("rw-------", permissions(file),
                    file.toString()));
        }
        try (EmbeddedDerby derby = new EmbeddedDerby(dataDir); Connection connection = derby.connect();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT id FROM notes")) {
            assertTrue(rows.next());
            assertEquals(7, rows.getInt(1));
        }
    }

    private static String permissions(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
