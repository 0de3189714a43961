package org.gallerist.storage.postgres.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;

/**
 * HikariCP over pgJDBC's plain data source. The pool is given the data source rather than the URL because Hikari's
 * own URL path goes through {@code DriverManager}, which in OSGi sees only the drivers of its caller's class loader.
 */
public final class PooledDataSource implements AutoCloseable {

    /** How long a request waits for a free connection before it fails as "unavailable". */
    private static final long CONNECTION_WAIT_MILLIS = 5_000;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final HikariDataSource pool;
    private final PGSimpleDataSource postgres;

    public PooledDataSource(String url, Map<String, String> environment, int maxConnections, String where)
            throws SQLException {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("A pool needs at least one connection, not " + maxConnections);
        }
        this.postgres = new PGSimpleDataSource();
        postgres.setURL(url);
        if (postgres.getUser() == null || postgres.getUser().isEmpty()) {
            postgres.setUser(environment.get("PGUSER"));
        }
        if (postgres.getPassword() == null && environment.get("PGPASSWORD") != null) {
            postgres.setPassword(environment.get("PGPASSWORD"));
        }
        postgres.setApplicationName("gallerist");
        postgres.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        postgres.setTcpKeepAlive(true);

        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres);
        config.setPoolName("gallerist-postgres");
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(Math.min(2, maxConnections));
        config.setConnectionTimeout(CONNECTION_WAIT_MILLIS);
        try {
            this.pool = new HikariDataSource(config);
        } catch (PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new SQLException("Cannot open PostgreSQL at " + where + ": " + cause.getMessage(),
                    cause instanceof SQLException sql ? sql.getSQLState() : "08001", cause);
        }
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** A connection of its own, outside the pool: one that is held for a long time, such as a listener's. */
    public Connection unpooled() throws SQLException {
        return postgres.getConnection();
    }

    @Override
    public void close() {
        pool.close();
    }
}
