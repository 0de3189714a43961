package org.gallerist.storage.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gallerist.storage.derby.EmbeddedDerby;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.Visibility;
import org.gallerist.spi.storage.ImageRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Index statistics are refreshed by our timer when a table has changed enough, not by Derby's query compiler. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StatisticsRefreshTest {

    private static final String IMAGES_STATISTICS = "SELECT COUNT(*), MAX(s.creationtimestamp) FROM sys.sysstatistics s"
            + " JOIN sys.systables t ON t.tableid = s.tableid WHERE t.tablename = 'IMAGES'";

    @TempDir
    Path dataDir;

    private EmbeddedDerby derby;
    private JdbcDatabase database;
    private JdbcImageStore store;
    private int added;

    @BeforeEach
    void open() throws Exception {
        database = new JdbcDatabase(derby = new EmbeddedDerby(dataDir));
        new JdbcAccountStore(database).createUser("alice", "h", List.of());
        store = new JdbcImageStore(database, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        derby.close();
    }

    @Test
    void statisticsFollowTheRowsInTheBackgroundOnly() {
        assertEquals("false", System.getProperty("derby.storage.indexStats.auto"));
        add(300);
        for (int i = 0; i < 3; i++) {
            store.list(new org.gallerist.spi.storage.ImageFilter("alice", false, List.of(), false, List.of(), false, 61,
                    null, null, org.gallerist.spi.storage.ImageFilter.DIRECT));
        }
        assertEquals(0, statistics().count(), "the query compiler made none");

        derby.refreshStaleStatistics();
        Statistics first = statistics();
        assertTrue(first.count() > 0, "refreshed once after the start");

        add(20);
        derby.refreshStaleStatistics();
        assertEquals(first, statistics(), "20 rows more do not make a scan worth it");

        add(100);
        derby.refreshStaleStatistics();
        assertNotEquals(first.newest(), statistics().newest(), "a tenth more (and at least 100 rows) does");
    }

    private record Statistics(long count, Timestamp newest) {
    }

    private Statistics statistics() {
        return database.inTransaction(sql -> sql.one(IMAGES_STATISTICS,
                row -> new Statistics(row.getLong(1), row.getTimestamp(2))));
    }

    private void add(int count) {
        for (int i = 0; i < count; i++, added++) {
            String sha = TestHashes.sha256("image " + added);
            Image image = new Image(0, "image " + added, "", List.of("tag" + added % 7), BigDecimal.ONE, 1, "alice",
                    Visibility.PUBLIC, 10, 10, "png", 1, sha, Instant.EPOCH);
            store.insert(new ImageRecord(image, sha, TestHashes.sha256("thumb " + added),
                    TestHashes.sha256("preview " + added)));
        }
    }
}
