package org.gallerist.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A SQL database the stores keep their rows in (embedded Derby, PostgreSQL), registered as a service by its engine
 * bundle. The stores run every unit of work in a transaction of its own on a connection from {@link #connect()}; the
 * engine says which failures were the engine rolling a transaction back whole (so it may run again) and which mean
 * that its disk is full.
 */
public interface StorageEngine {

    /** A connection to the database, which the caller closes; its auto-commit mode is the caller's to set. */
    Connection connect() throws SQLException;

    /**
     * Whether the engine rolled the whole transaction back to break a deadlock, a lock wait or a serialisation
     * conflict, so that running it again may succeed.
     */
    boolean rolledBackWhole(SQLException failure);

    /** Whether the engine could not write for want of room on its disk. */
    boolean isStorageFull(SQLException failure);

    /** Where the rows live, for the log ("embedded Derby in /srv/gallerist/db"), never with a password. */
    String describe();

    /**
     * Listens for the commits of transactions, on any node, that announced something on this channel (PostgreSQL's
     * {@code NOTIFY}). This default hears nothing and only waits: an engine that one server uses alone.
     */
    default Announcements listen(String channel) throws SQLException {
        return wait -> {
            Thread.sleep(wait.toMillis());
            return false;
        };
    }

    /** A channel listened to; used by one thread. */
    interface Announcements extends AutoCloseable {

        /**
         * @return whether an announcement came before the wait ended, or may have been missed because listening had
         *         to begin again (the connection broke); false when the wait ended quietly
         * @throws SQLException while the database is out of reach (the next call tries again)
         */
        boolean await(Duration wait) throws SQLException, InterruptedException;

        @Override
        default void close() {
        }
    }

    /**
     * An engine that hands everything on to another: what a DS component that owns an engine's life (opens it on
     * activation, closes it on deactivation) implements, writing only {@link #delegate()}.
     */
    interface Forwarding extends StorageEngine {

        StorageEngine delegate();

        @Override
        default Connection connect() throws SQLException {
            return delegate().connect();
        }

        @Override
        default boolean rolledBackWhole(SQLException failure) {
            return delegate().rolledBackWhole(failure);
        }

        @Override
        default boolean isStorageFull(SQLException failure) {
            return delegate().isStorageFull(failure);
        }

        @Override
        default String describe() {
            return delegate().describe();
        }

        @Override
        default Announcements listen(String channel) throws SQLException {
            return delegate().listen(channel);
        }
    }
}
