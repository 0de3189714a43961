package org.gallerist.storage.derby.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work inside one transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
