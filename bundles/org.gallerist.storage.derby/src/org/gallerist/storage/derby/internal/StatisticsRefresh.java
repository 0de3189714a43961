package org.gallerist.storage.derby.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Derby's index cardinality statistics fresh off the request path. Derby's own automatic update is switched off
 * ({@value #AUTO_PROPERTY}): during an import its query compiler finds the statistics of the growing tables stale again
 * and again and re-scans every index of them each time (~15 % of the CPU of an import). Here a daemon thread looks at
 * the row counts every few minutes and refreshes a table's statistics once its rows have grown or shrunk by a tenth
 * since the last refresh (every table once after each start).
 */
final class StatisticsRefresh implements AutoCloseable {

    static final String AUTO_PROPERTY = "derby.storage.indexStats.auto";
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsRefresh.class);
    private static final List<String> TABLES = List.of("USERS", "USER_KEYS", "IMAGES", "TAGS", "IMAGE_TAGS",
            "IMAGE_VECTORS", "ORDERS", "ORDER_LINES");
    /** Changes below this many rows never make statistics worth a scan. */
    private static final long MIN_CHANGE = 100;

    private final Transactions transactions;
    private final Map<String, Long> rowsAtRefresh = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gallerist-derby-statistics");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    StatisticsRefresh(Transactions transactions, long firstAfterSeconds, long everySeconds) {
        this.transactions = transactions;
        timer.scheduleWithFixedDelay(this::refreshWhereStale, firstAfterSeconds, everySeconds, TimeUnit.SECONDS);
    }

    /** Runs on the timer thread only. */
    void refreshWhereStale() {
        try {
            for (String table : TABLES) {
                long rows = transactions.run(sql -> sql.one("SELECT COUNT(*) FROM " + table, row -> row.getLong(1)));
                Long before = rowsAtRefresh.get(table);
                if (before == null || Math.abs(rows - before) >= Math.max(MIN_CHANGE, before / 10)) {
                    long start = System.nanoTime();
                    transactions.run(sql -> sql.update("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', ?, NULL)",
                            table));
                    rowsAtRefresh.put(table, rows);
                    LOG.debug("Index statistics of {} ({} rows) refreshed in {} ms", table, rows,
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Refreshing index statistics failed; trying again later: {}", e.getMessage());
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
