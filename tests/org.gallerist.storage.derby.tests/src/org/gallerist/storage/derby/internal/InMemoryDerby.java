package org.gallerist.storage.derby.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDriver;

/** A throw-away in-memory Derby database for tests of the JDBC helpers, dropped on close. */
final class InMemoryDerby implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final EmbeddedDriver driver = new EmbeddedDriver();
    private final String url = "jdbc:derby:memory:helper" + NAMES.incrementAndGet();

    InMemoryDerby() throws SQLException {
        driver.connect(url + ";create=true", new Properties()).close();
    }

    Connection connect() throws SQLException {
        return driver.connect(url, new Properties());
    }

    /** Runs statements in auto-commit mode, for setting up and checking. */
    <T> T autoCommit(SqlWork<T> work) throws SQLException {
        try (Connection connection = connect()) {
            return work.run(new Sql(connection));
        }
    }

    @Override
    public void close() {
        try {
            driver.connect(url + ";drop=true", new Properties());
        } catch (SQLException expected) {
            // Derby reports a successful drop as SQLState 08006.
        }
    }
}
