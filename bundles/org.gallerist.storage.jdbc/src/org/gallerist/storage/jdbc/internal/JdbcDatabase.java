package org.gallerist.storage.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.gallerist.storage.jdbc.StorageEngine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stores' database on whichever engine is registered: brings its schema up to date with the {@link Migrations}
 * once, then hands out transactions.
 */
@Component(service = JdbcDatabase.class)
public class JdbcDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDatabase.class);
    private static final int ATTEMPTS = 5;

    private final StorageEngine engine;
    private final Transactions transactions;

    @Activate
    public JdbcDatabase(@Reference StorageEngine engine) throws SQLException {
        this.engine = engine;
        try (Connection connection = engine.connect()) {
            int applied = new Migrations(new Sql(connection)).apply();
            if (applied > 0) {
                LOG.info("Schema of {} brought up to date ({} migrations)", engine.describe(), applied);
            }
        }
        this.transactions = new Transactions(engine, ATTEMPTS);
    }

    /**
     * Runs the work in one transaction, committing on success. A transaction the engine rolled back whole (a deadlock
     * victim, a lock wait timed out) is retried a few times after a short random pause.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        return transactions.run(work);
    }

    /** Listens for what transactions on any node announce on the channel ({@link Sql#announce}). */
    StorageEngine.Announcements listen(String channel) throws SQLException {
        return engine.listen(channel);
    }
}
