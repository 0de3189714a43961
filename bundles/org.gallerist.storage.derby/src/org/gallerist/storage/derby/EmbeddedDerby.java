package org.gallerist.storage.derby;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.gallerist.storage.derby.internal.StatisticsRefresh;
import org.gallerist.storage.jdbc.StorageEngine;

/**
 * The embedded Derby database in {@code <dataDir>/db}, created if missing: boots the engine in this JVM, hands out
 * connections, keeps index statistics fresh in the background and shuts the database down cleanly on
 * {@link #close()}. Derby's network server is never started (derbynet is not even here).
 */
public final class EmbeddedDerby implements StorageEngine, AutoCloseable {

    /** Derby rolled the whole transaction back: chosen as a deadlock victim, or timed out waiting for a lock. */
    private static final Set<String> ROLLED_BACK_WHOLE = Set.of("40001", "40XL1");
    /** Derby's SQLStates for a page ({@code XSDG1}) or log ({@code XSLA4}) write that failed, e.g. for want of room. */
    private static final Set<String> WRITE_FAILED = Set.of("XSDG1", "XSLA4");
    private static final String[] FILE_SYSTEM_FULL = { "No space left on device", "Disk quota exceeded" };
    private static final long STATISTICS_FIRST_SECONDS = 60;
    private static final long STATISTICS_EVERY_SECONDS = 300;
    /** Derby's switch between files with the umask's permissions ({@code true}) and owner-only ones. */
    static final String USE_DEFAULT_FILE_PERMISSIONS = "derby.storage.useDefaultFilePermissions";

    private final Driver driver;
    private final Path folder;
    private final String url;
    private final StatisticsRefresh statistics;

    public EmbeddedDerby(Path dataDir) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        if (System.getProperty(USE_DEFAULT_FILE_PERMISSIONS) == null) {
            // "false" makes Derby create every file and folder of the database (and derby.log) readable by the JVM's
            // user only, 0600 and 0700, whatever the umask; Derby reads it at each file it creates.
            System.setProperty(USE_DEFAULT_FILE_PERMISSIONS, "false");
        }
        if (System.getProperty("derby.stream.error.file") == null) {
            // Derby otherwise writes derby.log into whatever the working directory is; the engine is booted once per JVM.
            System.setProperty("derby.stream.error.file", dataDir.resolve("derby.log").toString());
        }
        tuneEngine();
        this.driver = new EmbeddedDriver(); // boots the engine, which reads the properties above
        this.folder = dataDir.resolve("db").toAbsolutePath();
        this.url = "jdbc:derby:" + folder;
        driver.connect(url + ";create=true", new Properties()).close();
        this.statistics = new StatisticsRefresh(this, STATISTICS_FIRST_SECONDS, STATISTICS_EVERY_SECONDS);
    }

    /**
     * Derby's system-wide settings, read once when the engine boots (an operator's own {@code -D} wins): index
     * statistics refreshed by {@link StatisticsRefresh} instead of the query compiler, a page cache of 4000 pages
     * (Derby's default is 1000; 16 MB of 4 kB pages), and a statement cache of 500 (default 100), as listings build
     * one statement per combination of filters.
     */
    private static void tuneEngine() {
        setUnlessSet(StatisticsRefresh.AUTO_PROPERTY, "false");
        setUnlessSet("derby.storage.pageCacheSize", "4000");
        setUnlessSet("derby.language.statementCacheSize", "500");
    }

    private static void setUnlessSet(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    @Override
    public Connection connect() throws SQLException {
        return driver.connect(url, new Properties());
    }

    @Override
    public boolean rolledBackWhole(SQLException failure) {
        return failure.getSQLState() != null && ROLLED_BACK_WHOLE.contains(failure.getSQLState());
    }

    @Override
    public boolean isStorageFull(SQLException failure) {
        return isDiskFull(failure);
    }

    /** Whether {@code failure}, or one of its causes, says that the disk (or the user's disk quota) is full. */
    static boolean isDiskFull(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && cause.getMessage() != null) {
                for (String full : FILE_SYSTEM_FULL) {
                    if (cause.getMessage().contains(full)) {
                        return true;
                    }
                }
            }
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && WRITE_FAILED.contains(next.getSQLState())
                            || isDiskFull(next.getCause())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return "embedded Derby in " + folder;
    }

    /** What the statistics timer does every few minutes, now (for tests). */
    public void refreshStaleStatistics() {
        statistics.refreshWhereStale();
    }

    @Override
    public void close() {
        statistics.close();
        try {
            driver.connect(url + ";shutdown=true", new Properties());
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as SQLState 08006.
        }
    }
}
