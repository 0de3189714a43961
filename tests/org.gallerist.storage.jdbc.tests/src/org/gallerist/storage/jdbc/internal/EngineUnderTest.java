package org.gallerist.storage.jdbc.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.gallerist.storage.derby.EmbeddedDerby;
import org.gallerist.storage.jdbc.StorageEngine;
import org.gallerist.storage.postgres.PostgresPool;
import org.gallerist.tests.harness.PostgresEngine;
import org.gallerist.tests.harness.SharedPostgres;

/**
 * The engine a store test runs on, by name: {@code derby} (embedded, in the test's data folder) or {@code postgresql}
 * (a database of its own on the run's real PostgreSQL 15, through the pool the server uses). {@link #reopen()} closes
 * it and opens the same database again, as a restart of the server would.
 */
final class EngineUnderTest implements AutoCloseable {

    static final String DERBY = "derby";
    static final String POSTGRESQL = "postgresql";

    private final String kind;
    private final Path dataDir;
    private final String url;
    private StorageEngine engine;

    private EngineUnderTest(String kind, Path dataDir, String url) throws Exception {
        this.kind = kind;
        this.dataDir = dataDir;
        this.url = url;
        this.engine = open();
    }

    static EngineUnderTest start(String kind, Path dataDir, SharedPostgres postgres) throws Exception {
        return new EngineUnderTest(kind, dataDir, kind.equals(POSTGRESQL) ? postgres.newDatabase() : null);
    }

    private StorageEngine open() throws Exception {
        return switch (kind) {
            case DERBY -> new EmbeddedDerby(dataDir);
            case POSTGRESQL -> new PostgresPool(url, Map.of("PGUSER", PostgresEngine.USER, "PGPASSWORD",
                    PostgresEngine.PASSWORD), 8);
            default -> throw new IllegalArgumentException("No engine " + kind);
        };
    }

    StorageEngine engine() {
        return engine;
    }

    /** A new database of the stores on this engine (migrations applied). */
    JdbcDatabase database() throws SQLException {
        return new JdbcDatabase(engine);
    }

    /** The engine closed and opened again on the same rows. */
    JdbcDatabase reopen() throws Exception {
        close();
        engine = open();
        return database();
    }

    /** Runs statements in auto-commit mode, for setting up and checking. */
    <T> T autoCommit(SqlWork<T> work) throws SQLException {
        try (Connection connection = engine.connect()) {
            return work.run(new Sql(connection));
        }
    }

    @Override
    public void close() throws Exception {
        ((AutoCloseable) engine).close();
    }
}
