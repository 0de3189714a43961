package org.gallerist.storage.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.gallerist.tests.harness.PostgresEngine;
import org.gallerist.tests.harness.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The schema's migrations on a real PostgreSQL 15 (initdb into a temporary folder, a free loopback port): every script
 * applies, once, and the constraints the stores rely on hold there as on Derby, with the same standard SQLStates.
 */
class MigrationsOnPostgresTest {

    @RegisterExtension
    final SharedPostgres postgres = new SharedPostgres();

    private static Connection connect(String url) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setUser(PostgresEngine.USER);
        source.setPassword(PostgresEngine.PASSWORD);
        return source.getConnection();
    }

    private static long user(Sql sql, String name) throws SQLException {
        return sql.inTransaction(work -> work.insert("INSERT INTO users (name, password_hash, role, disabled,"
                + " created_ms) VALUES (?, 'x', 'USER', FALSE, 1)", name));
    }

    @Test
    void everyScriptAppliesOnceInOrder() throws Exception {
        try (Connection connection = connect(postgres.newDatabase())) {
            Sql sql = new Sql(connection);
            assertEquals(SqlDialect.POSTGRESQL, SqlDialect.of(sql));
            new Migrations(sql).apply();
            assertEquals(Migrations.SCRIPTS.size(), new Migrations(sql).currentVersion());
            new Migrations(sql).apply(); // a second start finds nothing to do
            List<String> applied = sql.inTransaction(
                    work -> work.list("SELECT script FROM schema_version ORDER BY version", row -> row.getString(1)));
            assertEquals(Migrations.SCRIPTS, applied);
        }
    }

    @Test
    void theStoresConstraintsHoldWithTheStandardSqlStates() throws Exception {
        try (Connection connection = connect(postgres.newDatabase())) {
            Sql sql = new Sql(connection);
            new Migrations(sql).apply();
            long owner = user(sql, "ada");
            SQLException sameName = assertThrows(SQLException.class, () -> sql.inTransaction(work -> work.insert(
                    "INSERT INTO users (name, password_hash, role, disabled, created_ms) VALUES ('ada', 'y', 'USER',"
                            + " FALSE, 2)")));
            assertTrue(Sql.isDuplicateKey(sameName), sameName.getSQLState());

            String image = "INSERT INTO images (owner_id, name, price, quantity, visibility, width, height, format,"
                    + " bytes, sha256, original_key, created_ms) VALUES (?, 'cat', 1.50, ?, 'PUBLIC', 2, 2, 'png', 10,"
                    + " ?, ?, 3)";
            long cat = sql.inTransaction(work -> work.insert(image, owner, 1, "a".repeat(64), "a".repeat(64)));
            SQLException sameBytes = assertThrows(SQLException.class,
                    () -> sql.inTransaction(work -> work.insert(image, owner, 1, "a".repeat(64), "a".repeat(64))));
            assertTrue(Sql.isDuplicateKey(sameBytes), "unique content per owner: " + sameBytes.getSQLState());
            SQLException negativeStock = assertThrows(SQLException.class,
                    () -> sql.inTransaction(work -> work.update("UPDATE images SET quantity = quantity - 2"
                            + " WHERE id = ?", cat)));
            assertEquals("23514", negativeStock.getSQLState(), "stock never below zero");
            assertEquals(1, sql.inTransaction(work -> work.one("SELECT quantity FROM images WHERE id = ?",
                    row -> row.getInt(1), cat)), "the refused change left the stock as it was");

            String order = "INSERT INTO orders (buyer_id, placed_ms, request_key) VALUES (?, 4, ?)";
            sql.inTransaction(work -> work.insert(order, owner, "key-1"));
            sql.inTransaction(work -> work.insert(order, owner, null));
            sql.inTransaction(work -> work.insert(order, owner, null)); // orders without a key never collide
            SQLException sameRequest = assertThrows(SQLException.class,
                    () -> sql.inTransaction(work -> work.insert(order, owner, "key-1")));
            assertTrue(Sql.isDuplicateKey(sameRequest), "one order per request key: " + sameRequest.getSQLState());
        }
    }

    @Test
    void aVectorIsStoredAndReadBackByteForByte() throws Exception {
        try (Connection connection = connect(postgres.newDatabase())) {
            Sql sql = new Sql(connection);
            new Migrations(sql).apply();
            long owner = user(sql, "bo");
            long image = sql.inTransaction(work -> work.insert("INSERT INTO images (owner_id, name, price, quantity,"
                    + " visibility, width, height, format, bytes, sha256, original_key, created_ms) VALUES (?, 'dog', 0,"
                    + " 0, 'PUBLIC', 2, 2, 'png', 10, ?, ?, 3)", owner, "b".repeat(64), "b".repeat(64)));
            byte[] vector = new byte[512 * Float.BYTES];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (byte) (i * 31);
            }
            sql.inTransaction(work -> work.update("INSERT INTO image_vectors (image_id, embedder_id, dimension, vector)"
                    + " VALUES (?, 'onnx:test', 512, ?)", image, vector));
            assertArrayEquals(vector, sql.inTransaction(work -> work.one("SELECT vector FROM image_vectors"
                    + " WHERE image_id = ?", row -> row.getBytes(1), image)));
        }
    }
}
