package org.gallerist.storage.derby.internal;

import java.sql.SQLException;
import java.util.Map;

/**
 * The SQL engines the stores run on, and what differs between them in the migration scripts (written in Derby's SQL,
 * most of which is standard SQL that PostgreSQL speaks too: identity columns, CHECK and UNIQUE constraints,
 * {@code FETCH FIRST n ROWS ONLY}).
 */
enum SqlDialect {
    DERBY(Map.of()),
    /** Binary columns are BYTEA (no size: PostgreSQL limits a value to 1 GB). */
    POSTGRESQL(Map.of("BLOB(1M)", "BYTEA"));

    private final Map<String, String> replacements;

    SqlDialect(Map<String, String> replacements) {
        this.replacements = replacements;
    }

    static SqlDialect of(Sql sql) throws SQLException {
        String product = sql.productName();
        return switch (product) {
            case "Apache Derby" -> DERBY;
            case "PostgreSQL" -> POSTGRESQL;
            default -> throw new SQLException("Gallerist does not know the SQL of " + product);
        };
    }

    /** The statement (of a migration script) in this engine's SQL. */
    String translate(String statement) {
        String translated = statement;
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            translated = translated.replace(replacement.getKey(), replacement.getValue());
        }
        return translated;
    }
}
