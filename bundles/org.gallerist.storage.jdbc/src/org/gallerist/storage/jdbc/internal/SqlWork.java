package org.gallerist.storage.jdbc.internal;

import java.sql.SQLException;

/** A unit of work inside one transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Sql sql) throws SQLException;
}
