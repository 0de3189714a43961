package org.gallerist.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.gallerist.tests.harness.PostgresEngine;
import org.gallerist.tests.harness.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pool the server keeps its rows through, against a real PostgreSQL 15. */
class PostgresPoolTest {

    private static final Map<String, String> LOGIN = Map.of("PGUSER", PostgresEngine.USER, "PGPASSWORD",
            PostgresEngine.PASSWORD);

    @RegisterExtension
    final SharedPostgres postgres = new SharedPostgres();

    @Test
    void onlyAPostgresqlUrlWithAHostAndADatabaseIsTakenAndItsPasswordIsNeverRepeated() {
        assertEquals("db.example:5432/shop", PostgresPool.describe("jdbc:postgresql://db.example/shop"));
        assertEquals("10.0.0.5:6432/shop", PostgresPool.describe("jdbc:postgresql://10.0.0.5:6432/shop?ssl=true"));
        for (String wrong : new String[] { "jdbc:mysql://db/shop?password=hunter2", "postgresql://db/shop",
                "jdbc:postgresql://db/", "jdbc:postgresql:///shop?password=hunter2", "" }) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> new PostgresPool(wrong, LOGIN, 2)).getMessage();
            assertTrue(message.contains("jdbc:postgresql://HOST[:PORT]/DATABASE"), message);
            assertFalse(message.contains("hunter2"), message);
        }
    }

    @Test
    void theLoginComesFromTheUrlOrElseFromPguserAndPgpassword() throws Exception {
        String url = postgres.newDatabase();
        try (PostgresPool pool = new PostgresPool(url, LOGIN, 2)) {
            assertEquals(PostgresEngine.USER, currentUser(pool));
            assertEquals("PostgreSQL at " + url.substring("jdbc:postgresql://".length()), pool.describe());
        }
        String inUrl = url + "?user=" + PostgresEngine.USER + "&password="
                + PostgresEngine.PASSWORD.replace(" ", "%20");
        try (PostgresPool pool = new PostgresPool(inUrl, Map.of("PGUSER", "nobody", "PGPASSWORD", "wrong"), 2)) {
            assertEquals(PostgresEngine.USER, currentUser(pool), "the URL's own login wins");
            assertFalse(pool.describe().contains("password"), pool.describe());
        }
    }

    @Test
    void aRefusedLoginAMissingDatabaseOrNoServerFailsAtOnceInOneLine() throws Exception {
        String url = postgres.newDatabase();
        String wrongPassword = assertThrows(SQLException.class,
                () -> new PostgresPool(url, Map.of("PGUSER", PostgresEngine.USER, "PGPASSWORD", "wrong"), 2))
                .getMessage();
        assertTrue(wrongPassword.startsWith("Cannot open PostgreSQL at 127.0.0.1:"), wrongPassword);
        assertTrue(wrongPassword.contains("password authentication failed"), wrongPassword);
        assertFalse(wrongPassword.contains("\n"), wrongPassword);

        String missing = assertThrows(SQLException.class,
                () -> new PostgresPool(url.replaceAll("/[a-z_0-9]+$", "/nowhere"), LOGIN, 2)).getMessage();
        assertTrue(missing.contains("\"nowhere\" does not exist"), missing);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();
        String down = assertThrows(SQLException.class,
                () -> new PostgresPool("jdbc:postgresql://127.0.0.1:" + closedPort + "/shop", LOGIN, 2)).getMessage();
        assertTrue(down.startsWith("Cannot open PostgreSQL at 127.0.0.1:" + closedPort + "/shop: "), down);
        assertTrue(down.contains("refused"), down);
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "the start does not hang on a closed port");
    }

    @Test
    void theEnginesOwnFailuresAreToldApart() throws Exception {
        try (PostgresPool pool = new PostgresPool(postgres.newDatabase(), LOGIN, 2)) {
            assertTrue(pool.rolledBackWhole(new SQLException("could not serialize access", "40001")));
            assertTrue(pool.rolledBackWhole(new SQLException("deadlock detected", "40P01")));
            assertFalse(pool.rolledBackWhole(new SQLException("duplicate key", "23505")));
            assertFalse(pool.rolledBackWhole(new SQLException("a pool's own time-out has no SQLState")));
            assertTrue(pool.isStorageFull(new SQLException("could not extend file", "53100")));
            assertFalse(pool.isStorageFull(new SQLException("out of memory", "53200")));
            assertFalse(pool.isStorageFull(new SQLException("no SQLState")));
        }
    }

    @Test
    void aPoolOutlivesARestartOfTheDatabaseWithoutBeingReopened() throws Exception {
        try (PostgresEngine own = PostgresEngine.start();
                PostgresPool pool = new PostgresPool(own.createDatabase("restarted"), LOGIN, 2)) {
            assertEquals(PostgresEngine.USER, currentUser(pool));
            own.stop();
            assertThrows(SQLException.class, () -> currentUser(pool), "down is an error, not a hang");
            own.startServer();
            assertEquals(PostgresEngine.USER, currentUser(pool), "back without a restart of the node");
        }
    }

    private static String currentUser(PostgresPool pool) throws SQLException {
        try (Connection connection = pool.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_user")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
