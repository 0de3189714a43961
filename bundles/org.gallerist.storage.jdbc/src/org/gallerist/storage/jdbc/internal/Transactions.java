package org.gallerist.storage.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.storage.jdbc.StorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each unit of work in a transaction of its own, on a fresh connection of the engine. A transaction that the
 * engine rolled back whole to break a deadlock or a lock wait is run again after a short random pause, a few times at
 * most, and one whose connection turned out broken before its first statement ran (the database restarted while it
 * was idle in the pool) at once on another. Any other SQL failure is logged and ends as {@link ErrorCode#INTERNAL}
 * with a fixed message: the database's own message names tables and constraints, which is no business of a user; a
 * full disk ends as {@link ErrorCode#STORAGE_FULL}, a database out of reach as {@link ErrorCode#UNAVAILABLE}. Runtime
 * exceptions of the work pass unchanged, after the rollback.
 */
final class Transactions {

    static final String FAILURE_MESSAGE = "Storage failure; see the server log.";
    static final String UNAVAILABLE_MESSAGE = "The server's database is unavailable; try again shortly.";
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final StorageEngine engine;
    private final int attempts;

    Transactions(StorageEngine engine, int attempts) {
        this.engine = engine;
        this.attempts = attempts;
    }

    <T> T run(SqlWork<T> work) {
        for (int attempt = 1;; attempt++) {
            Sql sql = null;
            try (Connection connection = engine.connect()) {
                sql = new Sql(connection);
                return sql.inTransaction(work);
            } catch (SQLException e) {
                if (engine.rolledBackWhole(e) && attempt < attempts) {
                    pause(attempt);
                    continue;
                }
                if (isConnectionFailure(e) && sql != null && sql.completedStatements() == 0 && attempt < attempts) {
                    continue; // a connection that broke while it was idle in the pool: the database did nothing yet
                }
                if (isConnectionFailure(e)) {
                    LOG.warn("The database is unavailable (SQLState {}): {}", e.getSQLState(), e.getMessage());
                    throw new GalleristException(ErrorCode.UNAVAILABLE, UNAVAILABLE_MESSAGE, e);
                }
                if (engine.isStorageFull(e)) {
                    LOG.error("The database could not write, its disk is full (SQLState {})", e.getSQLState(), e);
                    throw storageFull(e);
                }
                LOG.error("Storage failure (SQLState {})", e.getSQLState(), e);
                throw new GalleristException(ErrorCode.INTERNAL, FAILURE_MESSAGE, e);
            }
        }
    }

    /**
     * No connection to the database, or it was lost: SQL's connection-exception class (08), a pool that found no
     * connection in time, or the server shutting down or not yet accepting connections (PostgreSQL's 57P01-57P03).
     * The transaction did not commit, unless the connection broke during the commit itself.
     */
    static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** The error a user gets for a write the full disk refused; {@code cause} goes to the log only. */
    static GalleristException storageFull(SQLException cause) {
        GalleristException full = new GalleristException(ErrorCode.STORAGE_FULL, "The server's disk is full; nothing"
                + " was stored. Try again once the operator has made room.", Map.of(GalleristException.LIMIT, "disk"));
        full.initCause(cause);
        return full;
    }

    /** Random, so that the transactions that collided do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
