package org.gallerist.storage.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.gallerist.api.image.TagCount;

/**
 * Tag rows and their links to images, inside the caller's transaction. Tags are created on first use and removed as
 * soon as no image carries them, so tag counts are never zero. Tags are locked in name or id order, so that two
 * transactions touching the same tags cannot deadlock on each other.
 */
final class ImageTags {

    private ImageTags() {
    }

    /** Links the image to each tag, creating tags on first use. */
    static void link(Sql sql, long imageId, List<String> tags) throws SQLException {
        for (String tag : new TreeSet<>(tags)) {
            long tagId = idCreatingIfAbsent(sql, tag);
            sql.update("INSERT INTO image_tags (image_id, tag_id) VALUES (?, ?)", imageId, tagId);
        }
    }

    /** Removes the image's links and returns the ids of the tags it carried. */
    static List<Long> unlinkAll(Sql sql, long imageId) throws SQLException {
        List<Long> previous = idsOf(sql, imageId);
        sql.update("DELETE FROM image_tags WHERE image_id = ?", imageId);
        return previous;
    }

    static List<Long> idsOf(Sql sql, long imageId) throws SQLException {
        return sql.list("SELECT tag_id FROM image_tags WHERE image_id = ?", row -> row.getLong(1), imageId);
    }

    /** Deletes those of the given tags that no image carries any more. */
    static void removeUnused(Sql sql, List<Long> tagIds) throws SQLException {
        for (long id : new TreeSet<>(tagIds)) {
            sql.update("DELETE FROM tags WHERE id = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM image_tags it WHERE it.tag_id = tags.id)", id);
        }
    }

    /**
     * The tag's id. The select holds its shared lock to the end of the transaction, so a concurrent clean-up cannot
     * remove the tag before this transaction links an image to it.
     */
    static Optional<Long> id(Sql sql, String tag) throws SQLException {
        return sql.optional("SELECT id FROM tags WHERE name = ?" + sql.dialect().keepSharedLocks(),
                row -> row.getLong(1), tag);
    }

    /**
     * The tag's id, inserting the tag if it is new. Safe under concurrency: a racing insert of the same name fails
     * with a duplicate key, after which the winner's row is selected.
     */
    private static long idCreatingIfAbsent(Sql sql, String tag) throws SQLException {
        for (int attempt = 0;; attempt++) {
            Optional<Long> existing = id(sql, tag);
            if (existing.isPresent()) {
                return existing.get();
            }
            try {
                return sql.attempt(insert -> insert.insert("INSERT INTO tags (name) VALUES (?)", tag));
            } catch (SQLException e) {
                if (!Sql.isDuplicateKey(e) || attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private static int countImages(Sql sql, long tagId) throws SQLException {
        return sql.one("SELECT COUNT(*) FROM image_tags WHERE tag_id = ?", row -> row.getInt(1), tagId);
    }

    /** Images per tag, by tag name, counting only the images the viewer may see. */
    static List<TagCount> counts(Sql sql, String viewer, boolean viewerIsAdmin) throws SQLException {
        String select = "SELECT t.name, COUNT(*) FROM tags t JOIN image_tags it ON it.tag_id = t.id"
                + " JOIN images i ON i.id = it.image_id JOIN users u ON u.id = i.owner_id";
        String groups = " GROUP BY t.name ORDER BY t.name";
        if (viewerIsAdmin) {
            return sql.list(select + groups, ImageTags::count);
        }
        return sql.list(select + " WHERE (i.visibility = 'PUBLIC' OR u.name = ?)" + groups, ImageTags::count, viewer);
    }

    private static TagCount count(ResultSet row) throws SQLException {
        return new TagCount(row.getString(1), row.getLong(2));
    }

    /**
     * Renames a tag, merging it into {@code to} if that tag exists already (an image carrying both keeps one).
     *
     * @return the number of images that carried {@code from}; 0 if there is no such tag
     */
    static int rename(Sql sql, String from, String to) throws SQLException {
        Optional<Long> fromId = id(sql, from);
        if (fromId.isEmpty()) {
            return 0;
        }
        int images = countImages(sql, fromId.get());
        if (from.equals(to)) {
            return images;
        }
        Optional<Long> toId = id(sql, to);
        ImageChangeLog.recordTagged(sql, fromId.get());
        if (toId.isEmpty()) {
            try {
                sql.attempt(update -> update.update("UPDATE tags SET name = ? WHERE id = ?", to, fromId.get()));
                return images;
            } catch (SQLException e) {
                if (!Sql.isDuplicateKey(e)) {
                    throw e;
                }
                // 'to' was created meanwhile: merge into it instead.
                toId = id(sql, to);
                if (toId.isEmpty()) {
                    throw e;
                }
            }
        }
        sql.update("INSERT INTO image_tags (image_id, tag_id) SELECT f.image_id, ? FROM image_tags f WHERE f.tag_id = ?"
                + " AND NOT EXISTS (SELECT 1 FROM image_tags t WHERE t.image_id = f.image_id AND t.tag_id = ?)",
                toId.get(), fromId.get(), toId.get());
        delete(sql, fromId.get());
        return images;
    }

    /** @return the number of images that carried the tag; 0 if there is no such tag */
    static int delete(Sql sql, String tag) throws SQLException {
        Optional<Long> id = id(sql, tag);
        if (id.isEmpty()) {
            return 0;
        }
        int images = countImages(sql, id.get());
        ImageChangeLog.recordTagged(sql, id.get());
        delete(sql, id.get());
        return images;
    }

    private static void delete(Sql sql, long tagId) throws SQLException {
        sql.update("DELETE FROM tags WHERE id = ?", tagId); // image_tags rows go by ON DELETE CASCADE
    }
}
