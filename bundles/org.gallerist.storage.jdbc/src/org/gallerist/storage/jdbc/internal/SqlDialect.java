package org.gallerist.storage.jdbc.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * An insert of one row with the given columns that keeps the values given for identity columns and skips a row
     * whose key is there already (a copy run again); only PostgreSQL is a copy's target.
     */
    String insertKeepingKeys(String table, List<String> columns) throws SQLException {
        if (this != POSTGRESQL) {
            throw new SQLException("Rows are copied into PostgreSQL only, not into " + this);
        }
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") OVERRIDING SYSTEM VALUE VALUES ("
                + Sql.placeholders(columns.size()) + ") ON CONFLICT DO NOTHING";
    }

    /** Makes the identity column number new rows after the highest value copied into it. */
    String continueIdentityAfterMax(String table, String column) throws SQLException {
        if (this != POSTGRESQL) {
            throw new SQLException("Rows are copied into PostgreSQL only, not into " + this);
        }
        return "SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), (SELECT COALESCE(MAX("
                + column + "), 0) + 1 FROM " + table + "), false)";
    }

    /**
     * The statement that tells every node listening on the channel when the transaction commits
     * ({@link org.gallerist.storage.jdbc.StorageEngine#listen}); none on Derby, which only one server opens.
     */
    Optional<String> announce(String channel) {
        return this == POSTGRESQL ? Optional.of("NOTIFY " + channel) : Optional.empty();
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
