package org.gallerist.storage.jdbc.internal;

import java.sql.SQLException;
import java.util.Optional;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/** User ids by name, inside the caller's transaction; the stores refer to users by id. */
final class UserIds {

    private UserIds() {
    }

    static Optional<Long> find(Sql sql, String name) throws SQLException {
        return sql.optional("SELECT id FROM users WHERE name = ?", row -> row.getLong(1), name);
    }

    static long require(Sql sql, String name) throws SQLException {
        return find(sql, name)
                .orElseThrow(() -> new GalleristException(ErrorCode.NOT_FOUND, "No user '" + name + "'."));
    }
}
