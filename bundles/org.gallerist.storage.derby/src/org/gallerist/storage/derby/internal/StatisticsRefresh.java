package org.gallerist.storage.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.gallerist.storage.jdbc.StorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Derby's index cardinality statistics fresh off the request path. Derby's own automatic update is switched off
 * ({@value #AUTO_PROPERTY}): during an import its query compiler finds the statistics of the growing tables stale again
 * and again and re-scans every index of them each time (~15 % of the CPU of an import). Here a daemon thread looks at
 * the row counts every few minutes and refreshes a table's statistics once its rows have grown or shrunk by a tenth
 * since the last refresh (every table once after each start).
 */
public final class StatisticsRefresh implements AutoCloseable {

    public static final String AUTO_PROPERTY = "derby.storage.indexStats.auto";
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsRefresh.class);
    /** The tables of the stores' schema (Derby's default schema, APP). */
    private static final String TABLES = "SELECT t.TABLENAME FROM SYS.SYSTABLES t JOIN SYS.SYSSCHEMAS s"
            + " ON t.SCHEMAID = s.SCHEMAID WHERE s.SCHEMANAME = 'APP' AND t.TABLETYPE = 'T' ORDER BY t.TABLENAME";
    /** Changes below this many rows never make statistics worth a scan. */
    private static final long MIN_CHANGE = 100;

    private final StorageEngine engine;
    private final Map<String, Long> rowsAtRefresh = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gallerist-derby-statistics");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    public StatisticsRefresh(StorageEngine engine, long firstAfterSeconds, long everySeconds) {
        this.engine = engine;
        timer.scheduleWithFixedDelay(this::refreshWhereStale, firstAfterSeconds, everySeconds, TimeUnit.SECONDS);
    }

    /** Runs on the timer thread only. */
    public void refreshWhereStale() {
        try (Connection connection = engine.connect()) {
            for (String table : tables(connection)) {
                long rows = count(connection, table);
                Long before = rowsAtRefresh.get(table);
                if (before == null || Math.abs(rows - before) >= Math.max(MIN_CHANGE, before / 10)) {
                    long start = System.nanoTime();
                    try (PreparedStatement update = connection.prepareStatement(
                            "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', ?, NULL)")) {
                        update.setString(1, table);
                        update.execute();
                    }
                    rowsAtRefresh.put(table, rows);
                    LOG.debug("Index statistics of {} ({} rows) refreshed in {} ms", table, rows,
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Refreshing index statistics failed; trying again later: {}", e.getMessage());
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(TABLES)) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Waits for a refresh that is running (not interrupting Derby in the middle of it). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("An index statistics refresh is still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
