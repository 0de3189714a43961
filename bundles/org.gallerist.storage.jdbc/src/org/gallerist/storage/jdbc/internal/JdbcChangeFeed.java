package org.gallerist.storage.jdbc.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.spi.storage.VectorStore;
import org.gallerist.storage.jdbc.StorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link VectorStore.ChangeFeed} over {@code image_changes}: waits for an announcement of a commit on any node (or for
 * the wait to end, which catches up with whatever an announcement missed), then reads what was written since the
 * last read. Prunes changes older than a day once an hour.
 */
final class JdbcChangeFeed implements VectorStore.ChangeFeed, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcChangeFeed.class);
    private static final long PRUNE_EVERY_NANOS = TimeUnit.HOURS.toNanos(1);

    private final JdbcDatabase database;
    private final ImageChangeCursor cursor;
    /** Told of each image whose vector another write replaced, so that a cache of vectors is dropped. */
    private final LongConsumer vectorReplaced;
    private StorageEngine.Announcements announcements;
    private boolean more;
    private long lastPrune = System.nanoTime() - PRUNE_EVERY_NANOS;

    JdbcChangeFeed(JdbcDatabase database, LongConsumer vectorReplaced) {
        this.database = database;
        this.vectorReplaced = vectorReplaced;
        this.cursor = database.inTransaction(sql -> ImageChangeCursor.startingNow(sql, System::nanoTime));
    }

    @Override
    public VectorStore.Changes next(Duration wait) throws InterruptedException {
        if (!more) {
            awaitAnnouncement(wait);
        }
        ImageChangeCursor.Batch batch = database.inTransaction(cursor::read);
        more = batch.more();
        pruneNowAndThen();
        if (batch.lostTrack()) {
            return VectorStore.Changes.LOST_TRACK;
        }
        Set<Long> images = new HashSet<>();
        for (ImageChangeCursor.Change change : batch.changes()) {
            images.add(change.imageId());
            if (ImageChangeLog.Kind.VECTOR_REPLACED.code.equals(change.kind())) {
                vectorReplaced.accept(change.imageId());
            }
        }
        return images.isEmpty() ? VectorStore.Changes.NONE : new VectorStore.Changes(images, false);
    }

    private void awaitAnnouncement(Duration wait) throws InterruptedException {
        try {
            if (announcements == null) {
                announcements = database.listen(ImageChangeLog.CHANNEL);
            }
            announcements.await(wait);
        } catch (SQLException e) {
            close();
            Thread.sleep(wait.toMillis()); // the database is out of reach: no faster than the wait, then try again
            throw new GalleristException(ErrorCode.UNAVAILABLE, "Cannot listen for changes of images: "
                    + e.getMessage(), e);
        }
    }

    private void pruneNowAndThen() {
        long now = System.nanoTime();
        if (now - lastPrune < PRUNE_EVERY_NANOS) {
            return;
        }
        lastPrune = now;
        int pruned = database.inTransaction(sql -> ImageChangeCursor.prune(sql, System.currentTimeMillis()));
        if (pruned > 0) {
            LOG.debug("Pruned {} changes of images older than a day", pruned);
        }
    }

    @Override
    public void close() {
        if (announcements != null) {
            announcements.close();
            announcements = null;
        }
    }
}
