package org.gallerist.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gallerist.storage.jdbc.StorageEngine;
import org.gallerist.storage.postgres.internal.PostgresListener;
import org.gallerist.tests.harness.PostgresEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Announcements between nodes ({@code LISTEN}/{@code NOTIFY}) on a real PostgreSQL 15, through a restart of it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostgresListenerTest {

    private static final Map<String, String> LOGIN = Map.of("PGUSER", PostgresEngine.USER, "PGPASSWORD",
            PostgresEngine.PASSWORD);
    private static final Duration QUIET = Duration.ofMillis(200);
    private static final Duration LONG = Duration.ofSeconds(30);

    /** Retried once, as the stores' transactions are: the pool may hand out a connection the restart broke. */
    private static void announce(PostgresPool pool, String statement) throws SQLException {
        try {
            announceOnce(pool, statement);
        } catch (SQLException brokenByTheRestart) {
            announceOnce(pool, statement);
        }
    }

    private static void announceOnce(PostgresPool pool, String statement) throws SQLException {
        try (Connection connection = pool.connect(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("NOTIFY changes");
            if (statement.equals("ROLLBACK")) {
                connection.rollback();
            } else {
                connection.commit();
            }
        }
    }

    @Test
    void aCommittedAnnouncementWakesTheListenerAndARolledBackOneDoesNot() throws Exception {
        try (PostgresEngine own = PostgresEngine.start();
                PostgresPool pool = new PostgresPool(own.createDatabase("announced"), LOGIN, 2);
                StorageEngine.Announcements listener = pool.listen("changes")) {
            assertTrue(listener.await(QUIET), "the first wait began listening: what came before may be missed");
            assertFalse(listener.await(QUIET));
            announce(pool, "ROLLBACK");
            assertFalse(listener.await(QUIET), "an announcement counts only if its transaction commits");
            announce(pool, "COMMIT");
            assertTrue(listener.await(LONG));
            assertFalse(listener.await(QUIET), "each announcement is heard once");
        }
    }

    @Test
    void aListenerOutlivesARestartOfTheDatabaseAndSaysItMayHaveMissedSomething() throws Exception {
        try (PostgresEngine own = PostgresEngine.start();
                PostgresPool pool = new PostgresPool(own.createDatabase("restarted"), LOGIN, 2);
                StorageEngine.Announcements listener = pool.listen("changes")) {
            assertTrue(listener.await(QUIET));
            own.stop();
            assertThrows(SQLException.class, () -> listener.await(QUIET), "down is an error, not a hang");
            assertThrows(SQLException.class, () -> listener.await(QUIET), "and stays one while it is down");
            own.startServer();
            assertTrue(listener.await(QUIET), "listening again; announcements meanwhile may be lost, so: catch up");
            announce(pool, "COMMIT");
            assertTrue(listener.await(LONG));
        }
    }

    @Test
    void aChannelIsAPlainLowerCaseName() {
        assertThrows(IllegalArgumentException.class, () -> new PostgresListener(() -> null, "x; DROP TABLE y"));
    }
}
