package org.gallerist.storage.postgres;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import org.gallerist.storage.jdbc.StorageEngine;
import org.gallerist.storage.postgres.internal.PooledDataSource;
import org.gallerist.storage.postgres.internal.PostgresListener;

/**
 * A pool of connections to one PostgreSQL database, named by a {@code jdbc:postgresql://HOST[:PORT]/DB} URL. The user
 * and password come from the URL's {@code user} and {@code password} parameters, else from {@code PGUSER} and
 * {@code PGPASSWORD} in the given environment, as libpq's tools read them (else pgJDBC looks in {@code ~/.pgpass}).
 * The pool is opened at once, so a wrong URL, a database that is down or a refused login fail here, in one line.
 */
public final class PostgresPool implements StorageEngine, AutoCloseable {

    /** A transaction PostgreSQL aborted whole: a serialisation failure, or the victim of a deadlock. */
    private static final Set<String> ROLLED_BACK_WHOLE = Set.of("40001", "40P01");
    /** PostgreSQL's disk_full. */
    private static final String DISK_FULL = "53100";
    private static final String SCHEME = "jdbc:postgresql://";

    private final String where;
    private final PooledDataSource pool;

    /**
     * @param url            {@code jdbc:postgresql://HOST[:PORT]/DB[?user=...&password=...]}
     * @param environment    where {@code PGUSER} and {@code PGPASSWORD} are looked up ({@code System.getenv()})
     * @param maxConnections the most connections the pool opens at once
     * @throws IllegalArgumentException if the URL is not a PostgreSQL URL
     * @throws SQLException             if the database cannot be reached or refuses the login
     */
    public PostgresPool(String url, Map<String, String> environment, int maxConnections) throws SQLException {
        this.where = describe(url);
        this.pool = new PooledDataSource(url, environment, maxConnections, where);
    }

    /** {@code host:port/db} of a PostgreSQL JDBC URL, without its parameters (which may hold a password). */
    static String describe(String url) {
        if (url == null || !url.startsWith(SCHEME)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: expected " + SCHEME + "HOST[:PORT]/DATABASE,"
                    + " got '" + (url == null ? "" : url.replaceAll("password=[^&]*", "password=...")) + "'");
        }
        URI uri;
        try {
            uri = URI.create(url.substring("jdbc:".length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a valid PostgreSQL JDBC URL (" + e.getMessage()
                    .replaceAll("password=[^&]*", "password=...") + ")");
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || database.isEmpty()) {
            throw new IllegalArgumentException("A PostgreSQL JDBC URL names a host and a database: " + SCHEME
                    + "HOST[:PORT]/DATABASE");
        }
        return uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + "/" + database;
    }

    @Override
    public Connection connect() throws SQLException {
        return pool.connection();
    }

    @Override
    public boolean rolledBackWhole(SQLException failure) {
        return failure.getSQLState() != null && ROLLED_BACK_WHOLE.contains(failure.getSQLState());
    }

    @Override
    public boolean isStorageFull(SQLException failure) {
        for (SQLException next = failure; next != null; next = next.getNextException()) {
            if (DISK_FULL.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A connection of its own (not one of the pool's, which it would hold for ever) that {@code LISTEN}s on the
     * channel; it is opened again when it breaks.
     */
    @Override
    public Announcements listen(String channel) {
        return new PostgresListener(pool::unpooled, channel);
    }

    @Override
    public String describe() {
        return "PostgreSQL at " + where;
    }

    @Override
    public void close() {
        pool.close();
    }
}
