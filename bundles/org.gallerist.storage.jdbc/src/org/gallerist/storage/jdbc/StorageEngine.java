package org.gallerist.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

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
    }
}
