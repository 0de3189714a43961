package org.gallerist.storage.derby.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.gallerist.spi.storage.DataFolder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Owns the embedded Derby database in {@code <dataDir>/db}: boots it, applies migrations, hands out
 * transactions, and shuts it down cleanly. Derby's network server is never started (derbynet is not even here).
 */
@Component(service = DerbyDatabase.class)
public class DerbyDatabase {

    /** Derby rolled the whole transaction back: chosen as a deadlock victim, or timed out waiting for a lock. */
    private static final Set<String> ROLLED_BACK_WHOLE = Set.of("40001", "40XL1");
    private static final int ATTEMPTS = 5;
    private static final long STATISTICS_FIRST_SECONDS = 60;
    private static final long STATISTICS_EVERY_SECONDS = 300;
    /** Derby's switch between files with the umask's permissions ({@code true}) and owner-only ones. */
    static final String USE_DEFAULT_FILE_PERMISSIONS = "derby.storage.useDefaultFilePermissions";

    private final Driver driver;
    private final String url;
    private final Transactions transactions;
    private final StatisticsRefresh statistics;

    @Activate
    public DerbyDatabase(@Reference DataFolder data) throws IOException, SQLException {
        this(data.path());
    }

    DerbyDatabase(Path dataDir) throws IOException, SQLException {
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
        this.url = "jdbc:derby:" + dataDir.resolve("db").toAbsolutePath();
        try (Connection connection = driver.connect(url + ";create=true", new Properties())) {
            new Migrations(new Sql(connection)).apply();
        }
        this.transactions = new Transactions(() -> driver.connect(url, new Properties()), ROLLED_BACK_WHOLE, ATTEMPTS);
        this.statistics = new StatisticsRefresh(transactions, STATISTICS_FIRST_SECONDS, STATISTICS_EVERY_SECONDS);
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

    /**
     * Runs the work in one transaction, committing on success. A transaction Derby chose as a deadlock victim or
     * timed out on a lock was rolled back whole, so it is retried a few times after a short random pause.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        return transactions.run(work);
    }

    /** What the statistics timer does every few minutes, now (for tests). */
    void refreshStaleStatistics() {
        statistics.refreshWhereStale();
    }

    @Deactivate
    void shutdown() {
        statistics.close();
        try {
            driver.connect(url + ";shutdown=true", new Properties());
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as SQLState 08006.
        }
    }
}
