package org.gallerist.storage.derby.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations: each script in {@link #SCRIPTS} runs once, in order, in its own transaction,
 * and is recorded in {@code schema_version}. Add new scripts at the end; never edit one that has shipped.
 */
final class Migrations {

    static final List<String> SCRIPTS = List.of("V001__accounts.sql", "V002__images_orders.sql",
            "V003__image_vectors.sql", "V004__order_request_keys.sql");

    private final Connection connection;

    Migrations(Connection connection) {
        this.connection = connection;
    }

    void apply() throws SQLException {
        connection.setAutoCommit(false);
        ensureVersionTable();
        int current = currentVersion();
        for (int version = current + 1; version <= SCRIPTS.size(); version++) {
            String script = read(SCRIPTS.get(version - 1));
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(script)) {
                    statement.execute(sql);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_version (version, script, applied_ms) VALUES (?, ?, ?)")) {
                    insert.setInt(1, version);
                    insert.setString(2, SCRIPTS.get(version - 1));
                    insert.setLong(3, System.currentTimeMillis());
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        connection.setAutoCommit(true);
    }

    int currentVersion() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void ensureVersionTable() throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "SCHEMA_VERSION", null)) {
            if (tables.next()) {
                return;
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                    + " applied_ms BIGINT NOT NULL)");
        }
        connection.commit();
    }

    /** Statements are separated by lines ending in ';'; lines starting with '--' are comments. */
    static List<String> statements(String script) {
        StringBuilder current = new StringBuilder();
        java.util.ArrayList<String> result = new java.util.ArrayList<>();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                result.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }

    private static String read(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
