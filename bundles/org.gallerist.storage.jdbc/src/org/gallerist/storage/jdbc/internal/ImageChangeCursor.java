package org.gallerist.storage.jdbc.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reads {@code image_changes} by number from where it started on. A number is taken when its row is written but seen
 * by others only when its transaction commits, so a later number can be seen before an earlier one: a number skipped
 * is kept as a gap and looked for again until it shows up, or until it is older than {@link #GAP_PATIENCE_NANOS}
 * (its transaction rolled back, which leaves a number unused for ever). Not thread-safe: one follower reads it.
 */
final class ImageChangeCursor {

    /** One change read. */
    record Change(long seq, long imageId, String kind) {
    }

    /** What one read found; {@code more} when it stopped at {@link #BATCH} rows and more are there. */
    record Batch(List<Change> changes, boolean more, boolean lostTrack) {
        static final Batch LOST_TRACK = new Batch(List.of(), false, true);
    }

    static final int BATCH = 1000;
    /** How far below the newest number a cursor starting now looks for transactions that have not committed yet. */
    static final int START_WINDOW = 1000;
    static final int MAX_GAPS = 10_000;
    static final long GAP_PATIENCE_NANOS = TimeUnit.MINUTES.toNanos(2);
    /** Changes are kept a day ({@link #prune}); a cursor that has not read for half of that may have missed some. */
    static final long KEPT_MILLIS = TimeUnit.DAYS.toMillis(1);
    private static final long STALE_NANOS = TimeUnit.MILLISECONDS.toNanos(KEPT_MILLIS / 2);
    private static final int IN_LIST = 500;

    private final LongSupplier nanoClock;
    private long high;
    /** Numbers not seen yet below {@link #high}, each with when it was first missed. */
    private final Map<Long, Long> gaps = new LinkedHashMap<>();
    private long lastRead;

    private ImageChangeCursor(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A cursor that reads the changes committed from now on. */
    static ImageChangeCursor startingNow(Sql sql, LongSupplier nanoClock) throws SQLException {
        ImageChangeCursor cursor = new ImageChangeCursor(nanoClock);
        cursor.restart(sql);
        return cursor;
    }

    private void restart(Sql sql) throws SQLException {
        long now = nanoClock.getAsLong();
        gaps.clear();
        high = sql.one("SELECT COALESCE(MAX(seq), 0) FROM image_changes", row -> row.getLong(1));
        Set<Long> present = new HashSet<>(sql.list("SELECT seq FROM image_changes WHERE seq > ?",
                row -> row.getLong(1), high - START_WINDOW));
        for (long seq = Math.max(1, high - START_WINDOW + 1); seq < high; seq++) {
            if (!present.contains(seq)) {
                gaps.put(seq, now);
            }
        }
        lastRead = now;
    }

    Batch read(Sql sql) throws SQLException {
        long now = nanoClock.getAsLong();
        if (now - lastRead > STALE_NANOS) {
            restart(sql);
            return Batch.LOST_TRACK;
        }
        gaps.values().removeIf(firstMissed -> now - firstMissed > GAP_PATIENCE_NANOS);
        List<Change> found = new ArrayList<>(filledGaps(sql));
        List<Change> next = sql.list("SELECT seq, image_id, kind FROM image_changes WHERE seq > ? ORDER BY seq"
                + " FETCH FIRST " + BATCH + " ROWS ONLY", ImageChangeCursor::change, high);
        for (Change change : next) {
            if (change.seq() - high - 1 > MAX_GAPS - gaps.size()) {
                restart(sql);
                return Batch.LOST_TRACK;
            }
            for (long skipped = high + 1; skipped < change.seq(); skipped++) {
                gaps.put(skipped, now);
            }
            high = change.seq();
            found.add(change);
        }
        lastRead = now;
        return new Batch(found, next.size() == BATCH, false);
    }

    private List<Change> filledGaps(Sql sql) throws SQLException {
        List<Change> filled = new ArrayList<>();
        Iterator<Long> missing = new ArrayList<>(gaps.keySet()).iterator();
        while (missing.hasNext()) {
            List<Object> chunk = new ArrayList<>(IN_LIST);
            while (missing.hasNext() && chunk.size() < IN_LIST) {
                chunk.add(missing.next());
            }
            filled.addAll(sql.list("SELECT seq, image_id, kind FROM image_changes WHERE seq IN ("
                    + Sql.placeholders(chunk.size()) + ")", ImageChangeCursor::change, chunk.toArray()));
        }
        filled.forEach(change -> gaps.remove(change.seq()));
        return filled;
    }

    private static Change change(java.sql.ResultSet row) throws SQLException {
        return new Change(row.getLong(1), row.getLong(2), row.getString(3));
    }

    /** Numbers still awaited, for tests. */
    int gaps() {
        return gaps.size();
    }

    /** Deletes the changes older than {@link #KEPT_MILLIS}; any node may, at any time. */
    static int prune(Sql sql, long nowMillis) throws SQLException {
        return sql.update("DELETE FROM image_changes WHERE changed_ms < ?", nowMillis - KEPT_MILLIS);
    }
}
