package org.gallerist.storage.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations: each script in {@link #SCRIPTS} runs once, in order, in its own transaction,
 * and is recorded in {@code schema_version}. Add new scripts at the end; never edit one that has shipped. The scripts
 * are written in Derby's SQL; {@link SqlDialect} translates the few types PostgreSQL spells differently.
 */
final class Migrations {

    static final List<String> SCRIPTS = List.of("V001__accounts.sql", "V002__images_orders.sql",
            "V003__image_vectors.sql", "V004__order_request_keys.sql", "V005__image_labels.sql",
            "V006__image_photo.sql", "V007__image_photo_shared.sql", "V008__image_free_download.sql",
            "V009__password_resets.sql", "V010__image_changes.sql");

    private final Sql sql;

    Migrations(Sql sql) {
        this.sql = sql;
    }

    /** @return how many scripts it applied */
    int apply() throws SQLException {
        SqlDialect dialect = SqlDialect.of(sql);
        int current = sql.inTransaction(transaction -> {
            ensureVersionTable(transaction);
            return currentVersion(transaction);
        });
        for (int version = current + 1; version <= SCRIPTS.size(); version++) {
            String name = SCRIPTS.get(version - 1);
            List<String> statements = statements(read(name));
            int applied = version;
            sql.inTransaction(transaction -> {
                for (String statement : statements) {
                    transaction.execute(dialect.translate(statement));
                }
                return transaction.update("INSERT INTO schema_version (version, script, applied_ms) VALUES (?, ?, ?)",
                        applied, name, System.currentTimeMillis());
            });
        }
        return Math.max(0, SCRIPTS.size() - current);
    }

    int currentVersion() throws SQLException {
        return currentVersion(sql);
    }

    private static int currentVersion(Sql sql) throws SQLException {
        return sql.one("SELECT MAX(version) FROM schema_version", row -> row.getInt(1));
    }

    private static void ensureVersionTable(Sql sql) throws SQLException {
        if (!sql.tableExists("schema_version")) {
            sql.execute("CREATE TABLE schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                    + " applied_ms BIGINT NOT NULL)");
        }
    }

    /** Statements are separated by lines ending in ';'; lines starting with '--' are comments. */
    static List<String> statements(String script) {
        StringBuilder current = new StringBuilder();
        List<String> result = new ArrayList<>();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                result.add(statement.substring(0, statement.length() - 1));
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
