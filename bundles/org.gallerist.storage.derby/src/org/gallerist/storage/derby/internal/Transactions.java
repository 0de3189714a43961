package org.gallerist.storage.derby.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each unit of work in a transaction of its own, on a fresh connection. A transaction that the database rolled
 * back whole to break a deadlock or a lock wait (one of the {@code retryStates}) is run again after a short random
 * pause, a few times at most. Any other SQL failure is logged and ends as {@link ErrorCode#INTERNAL} with a fixed
 * message: the database's own message names tables and constraints, which is no business of a user; a full disk
 * ends as {@link ErrorCode#STORAGE_FULL}. Runtime
 * exceptions of the work pass unchanged, after the rollback.
 */
final class Transactions {

    static final String FAILURE_MESSAGE = "Storage failure; see the server log.";
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    /** Opens a new connection, which the caller closes. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource connections;
    private final Set<String> retryStates;
    private final int attempts;

    Transactions(ConnectionSource connections, Set<String> retryStates, int attempts) {
        this.connections = connections;
        this.retryStates = Set.copyOf(retryStates);
        this.attempts = attempts;
    }

    <T> T run(SqlWork<T> work) {
        for (int attempt = 1;; attempt++) {
            try (Connection connection = connections.open()) {
                return new Sql(connection).inTransaction(work);
            } catch (SQLException e) {
                if (retryStates.contains(e.getSQLState()) && attempt < attempts) {
                    pause(attempt);
                    continue;
                }
                if (DiskSpace.isDiskFull(e)) {
                    LOG.error("The database could not write, the data folder's disk is full (SQLState {})",
                            e.getSQLState(), e);
                    throw DiskSpace.full(e);
                }
                LOG.error("Storage failure (SQLState {})", e.getSQLState(), e);
                throw new GalleristException(ErrorCode.INTERNAL, FAILURE_MESSAGE, e);
            }
        }
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
