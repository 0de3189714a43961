package org.gallerist.storage.jdbc.internal;

import java.sql.SQLException;
import java.util.Map;

/**
 * The SQL engines the stores run on, and what differs between them in the migration scripts (written in Derby's SQL,
 * most of which is standard SQL that PostgreSQL speaks too: identity columns, CHECK and UNIQUE constraints,
 * {@code FETCH FIRST n ROWS ONLY}).
 */
enum SqlDialect {
    /** Read stability ({@code WITH RS}) keeps the shared locks of the rows a select read to the end. */
    DERBY(Map.of(), " WITH RS"),
    /** Binary columns are BYTEA (no size: PostgreSQL limits a value to 1 GB); {@code FOR SHARE} locks rows read. */
    POSTGRESQL(Map.of("BLOB(1M)", "BYTEA"), " FOR SHARE");

    private final Map<String, String> replacements;
    private final String keepSharedLocks;

    SqlDialect(Map<String, String> replacements, String keepSharedLocks) {
        this.replacements = replacements;
        this.keepSharedLocks = keepSharedLocks;
    }

    /**
     * What ends a select so that the rows it read stay locked against changes by others (not against reads) to the
     * end of the transaction.
     */
    String keepSharedLocks() {
        return keepSharedLocks;
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
