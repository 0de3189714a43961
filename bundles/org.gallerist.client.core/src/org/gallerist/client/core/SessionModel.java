package org.gallerist.client.core;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.gallerist.api.client.GalleristSession;

/**
 * The client's current connection, shared by everything in the window. Listeners are called on the thread that
 * changed the state; UI listeners hop to the display thread themselves.
 */
public final class SessionModel {
    private final List<Consumer<ConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private Connection connection;

    /** Replaces the current connection (closing the old one) and tells the listeners. */
    public void open(Connection newConnection) {
        Connection old;
        synchronized (this) {
            old = connection;
            connection = newConnection;
        }
        closeQuietly(old);
        fire(newConnection.state());
    }

    /** Closes the session, if any, and tells the listeners that nobody is logged in. */
    public void close() {
        Connection old;
        synchronized (this) {
            old = connection;
            connection = null;
        }
        if (old != null) {
            closeQuietly(old);
            fire(ConnectionState.DISCONNECTED);
        }
    }

    public synchronized Optional<GalleristSession> session() {
        return Optional.ofNullable(connection).map(Connection::session);
    }

    public synchronized ConnectionState state() {
        return connection == null ? ConnectionState.DISCONNECTED : connection.state();
    }

    /** @return a handle that removes the listener again */
    public Runnable addListener(Consumer<ConnectionState> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void fire(ConnectionState state) {
        for (Consumer<ConnectionState> listener : listeners) {
            listener.accept(state);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.session().close();
            } catch (RuntimeException e) {
                // The session is being dropped anyway; a failing close changes nothing for the user.
            }
        }
    }
}
