package org.gallerist.storage.jdbc;

import java.sql.SQLException;
import java.util.List;

import org.gallerist.storage.jdbc.internal.TableCopy;

/**
 * Copies every row of one engine's database into another's, for moving an embedded installation onto PostgreSQL:
 * both schemas are brought up to date first, the tables go in the order their references need, in batches of a
 * transaction each, ids kept. Rows the target holds already are left alone, so a copy that was interrupted is
 * resumed by running it again; at the end each table's rows are compared by a digest of their keys (and, for
 * images, of their content hashes), so a copy into a database that held other rows fails instead of merging them.
 */
public final class RowCopy {

    /** What a copy reports as it goes: a table's rows copied so far, of how many. */
    @FunctionalInterface
    public interface Progress {
        void copied(String table, long rows, long total);
    }

    /** One table's outcome: rows in the source, rows added to the target by this run. */
    public record Copied(String table, long rows, long added) {
    }

    private RowCopy() {
    }

    /**
     * @throws SQLException        if either database fails
     * @throws IllegalStateException if the target's rows do not match the source's afterwards
     */
    public static List<Copied> copy(StorageEngine from, StorageEngine to, Progress progress) throws SQLException {
        return TableCopy.all(from, to, progress);
    }
}
