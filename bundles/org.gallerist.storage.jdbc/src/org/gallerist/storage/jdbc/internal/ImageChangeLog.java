package org.gallerist.storage.jdbc.internal;

import java.sql.SQLException;

/**
 * Writes the rows of {@code image_changes} in the transaction that makes the change, so that a change is numbered
 * if and only if it commits, and announces them to the other nodes ({@link ImageChangeCursor} reads them).
 */
final class ImageChangeLog {

    /** The channel that nodes listen on for changes of images. */
    static final String CHANNEL = "gallerist_image_changes";

    /** What changed; the reader re-reads the image's whole state whatever it is, but a replaced vector outdates caches. */
    enum Kind {
        VECTOR_STORED("V"), VECTOR_REPLACED("R"), IMAGE("I");

        final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    private ImageChangeLog() {
    }

    static void record(Sql sql, long imageId, Kind kind) throws SQLException {
        sql.update("INSERT INTO image_changes (image_id, kind, changed_ms) VALUES (?, ?, ?)", imageId, kind.code,
                System.currentTimeMillis());
        sql.announce(CHANNEL);
    }

    /** A change of every image that carries the tag (it is renamed or deleted); call it before the tag goes. */
    static void recordTagged(Sql sql, long tagId) throws SQLException {
        int images = sql.update("INSERT INTO image_changes (image_id, kind, changed_ms) SELECT image_id, ?, ?"
                + " FROM image_tags WHERE tag_id = ?", Kind.IMAGE.code, System.currentTimeMillis(), tagId);
        if (images > 0) {
            sql.announce(CHANNEL);
        }
    }
}
