package org.gallerist.storage.postgres.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

import org.gallerist.storage.jdbc.StorageEngine;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@code LISTEN} on a connection of its own. PostgreSQL delivers a {@code NOTIFY} when its transaction commits, to the
 * connections listening at that moment; one that breaks misses what comes until it listens again, so the first wait
 * after (re)connecting reports an announcement that may have been missed.
 */
public final class PostgresListener implements StorageEngine.Announcements {

    /** What PostgreSQL takes as a channel name without quoting. */
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Opens a connection; the caller closes it. */
    public interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final String channel;
    private Connection connection;

    public PostgresListener(Connector connector, String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        this.connector = connector;
        this.channel = channel;
    }

    @Override
    public boolean await(Duration wait) throws SQLException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (connection == null || connection.isClosed()) {
            connection = connector.open();
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + channel);
            } catch (SQLException e) {
                close();
                throw e;
            }
            return true;
        }
        try {
            PGNotification[] received = connection.unwrap(PGConnection.class)
                    .getNotifications((int) Math.max(1, Math.min(Integer.MAX_VALUE, wait.toMillis())));
            return received != null && received.length > 0;
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // broken already: nothing to give back
            }
            connection = null;
        }
    }
}
