package org.gallerist.storage.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.gallerist.spi.storage.VectorStore;
import org.gallerist.tests.harness.SharedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change cursor where several nodes write at once, on a real PostgreSQL: numbers become visible in commit order,
 * not in number order, and only PostgreSQL lets a reader pass a transaction in flight (Derby's reader waits for it).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ImageChangeCursorOnPostgresTest {

    @RegisterExtension
    final SharedPostgres postgres = new SharedPostgres();

    @TempDir
    Path dataDir;

    private EngineUnderTest engine;
    private JdbcDatabase database;
    private final AtomicLong nanos = new AtomicLong();

    @BeforeEach
    void open() throws Exception {
        engine = EngineUnderTest.start(EngineUnderTest.POSTGRESQL, dataDir, postgres);
        database = engine.database();
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
    }

    private ImageChangeCursor cursor() {
        return database.inTransaction(sql -> ImageChangeCursor.startingNow(sql, nanos::get));
    }

    private List<Long> read(ImageChangeCursor cursor) {
        ImageChangeCursor.Batch batch = database.inTransaction(cursor::read);
        assertFalse(batch.lostTrack());
        return batch.changes().stream().map(ImageChangeCursor.Change::imageId).sorted().toList();
    }

    private void change(long imageId) {
        database.inTransaction(sql -> {
            ImageChangeLog.record(sql, imageId, ImageChangeLog.Kind.IMAGE);
            return null;
        });
    }

    @Test
    void aChangeThatCommitsAfterALaterNumberIsStillRead() throws Exception {
        ImageChangeCursor cursor = cursor();
        try (Connection slow = engine.engine().connect()) {
            Sql slowWriter = new Sql(slow);
            slow.setAutoCommit(false);
            ImageChangeLog.record(slowWriter, 1, ImageChangeLog.Kind.IMAGE); // takes the lower number, commits late
            change(2);
            assertEquals(List.of(2L), read(cursor));
            assertEquals(1, cursor.gaps());
            slow.commit();
        }
        assertEquals(List.of(1L), read(cursor));
        assertEquals(0, cursor.gaps());
        assertEquals(List.of(), read(cursor));
    }

    @Test
    void aCursorStartedWhileATransactionIsInFlightReadsItsChangeOnceItCommits() throws Exception {
        change(7);
        try (Connection slow = engine.engine().connect()) {
            Sql slowWriter = new Sql(slow);
            slow.setAutoCommit(false);
            ImageChangeLog.record(slowWriter, 8, ImageChangeLog.Kind.IMAGE);
            change(9);
            ImageChangeCursor cursor = cursor(); // after 9 committed, before 8 did: an index load could miss 8
            slow.commit();
            assertEquals(List.of(8L), read(cursor));
        }
    }

    @Test
    void numbersOfRolledBackTransactionsAreAwaitedOnlyForAWhile() throws Exception {
        ImageChangeCursor cursor = cursor();
        for (int i = 0; i < 3; i++) {
            try (Connection aborted = engine.engine().connect()) {
                aborted.setAutoCommit(false);
                ImageChangeLog.record(new Sql(aborted), 100 + i, ImageChangeLog.Kind.IMAGE);
                aborted.rollback();
            }
        }
        change(5);
        assertEquals(List.of(5L), read(cursor));
        assertEquals(3, cursor.gaps());
        nanos.addAndGet(ImageChangeCursor.GAP_PATIENCE_NANOS + 1);
        assertEquals(List.of(), read(cursor));
        assertEquals(0, cursor.gaps());
    }

    @Test
    void aCursorThatDidNotReadForHalfADayLostTrackAndStartsAgainFromNow() {
        ImageChangeCursor cursor = cursor();
        change(1);
        nanos.addAndGet(TimeUnit.HOURS.toNanos(13));
        assertTrue(database.inTransaction(cursor::read).lostTrack());
        change(2);
        assertEquals(List.of(2L), read(cursor));
    }

    @Test
    void pruningKeepsADayOfChanges() {
        database.inTransaction(sql -> sql.update("INSERT INTO image_changes (image_id, kind, changed_ms)"
                + " VALUES (1, 'I', ?), (2, 'I', ?)", 0L, System.currentTimeMillis()));
        assertEquals(1, database.inTransaction(sql -> ImageChangeCursor.prune(sql, System.currentTimeMillis())));
    }

    @Test
    void aCommitOnAnotherConnectionWakesTheWaitingFeedAtOnce() throws Exception {
        JdbcVectorStore otherNode = new JdbcVectorStore(engine.database(), dataDir.resolve("vectors"));
        try (VectorStore.ChangeFeed feed = otherNode.follow()) {
            assertEquals(Set.of(), feed.next(Duration.ofMillis(100)).imageIds()); // listening from here on
            CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
                sleep(300);
                change(42);
            });
            long start = System.nanoTime();
            VectorStore.Changes changes = feed.next(Duration.ofSeconds(60));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            later.join();
            assertEquals(Set.of(42L), changes.imageIds());
            assertTrue(waitedMillis < 30_000, "woken by the NOTIFY, not by the end of the wait: " + waitedMillis);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
