package org.gallerist.storage.jdbc.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.Visibility;
import org.gallerist.spi.storage.ImageRecord;

/** Reads image rows with their owner's name and their tags, inside the caller's transaction. */
final class ImageRows {

    static final String COLUMNS = "i.id, i.name, i.description, i.price, i.quantity, u.name, i.visibility,"
            + " i.width, i.height, i.format, i.bytes, i.sha256, i.created_ms, i.original_key, i.thumb_key,"
            + " i.preview_key, i.pages, i.free_download";
    static final String FROM = " FROM images i JOIN users u ON u.id = i.owner_id";

    private ImageRows() {
    }

    static Optional<ImageRecord> read(Sql sql, long id) throws SQLException {
        Optional<Row> row = sql.optional("SELECT " + COLUMNS + FROM + " WHERE i.id = ?", ImageRows::row, id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<String> tags = tagsOf(sql, List.of(id)).getOrDefault(id, List.of());
        return Optional.of(row.get().record(tags, PhotoRows.read(sql, id)));
    }

    static List<Image> list(Sql sql, ImageListing listing) throws SQLException {
        List<Row> rows = sql.list(listing.sql(), ImageRows::row, listing.values().toArray());
        Map<Long, List<String>> tagsById = tagsOf(sql, rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> row.image(tagsById.getOrDefault(row.id(), List.of()))).toList();
    }

    static boolean exists(Sql sql, long id) throws SQLException {
        return sql.exists("SELECT 1 FROM images WHERE id = ?", id);
    }

    /** The owner's image with these bytes, if they uploaded them before. */
    static Optional<Long> findByContent(Sql sql, long ownerId, String sha256) throws SQLException {
        return sql.optional("SELECT id FROM images WHERE owner_id = ? AND sha256 = ?", row -> row.getLong(1), ownerId,
                sha256);
    }

    /** Whether any image still refers to this stored file, as original or rendition. */
    static boolean referenced(Sql sql, String key) throws SQLException {
        return sql.exists("SELECT 1 FROM images WHERE original_key = ? OR thumb_key = ? OR preview_key = ?"
                + " FETCH FIRST 1 ROWS ONLY", key, key, key);
    }

    /** Tag names per image id, alphabetical. */
    private static Map<Long, List<String>> tagsOf(Sql sql, List<Long> ids) throws SQLException {
        Map<Long, List<String>> result = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            // images' tag rows first (by the primary key's image_id), then their names: Derby otherwise starts from
            // the tags and reads every image's tag rows, 0.6 s a page at 100,000 images (docs/benchmarks.md)
            sql.forEach("SELECT it.image_id, t.name FROM --DERBY-PROPERTIES joinOrder=FIXED\n"
                    + " image_tags it JOIN tags t ON t.id = it.tag_id"
                    + " WHERE it.image_id IN (" + Sql.placeholders(ids.size()) + ") ORDER BY it.image_id, t.name",
                    row -> result.computeIfAbsent(row.getLong(1), key -> new ArrayList<>()).add(row.getString(2)),
                    ids.toArray());
        }
        return result;
    }

    private record Row(long id, String name, String description, BigDecimal price, int quantity, String owner,
            Visibility visibility, int width, int height, String format, long bytes, String sha256, long created,
            String originalKey, String thumbKey, String previewKey, int pages, boolean freeDownload) {

        Image image(List<String> tags) {
            return new Image(id, name, description, tags, price, quantity, owner, visibility, width, height, format,
                    bytes, sha256, Instant.ofEpochMilli(created), pages);
        }

        ImageRecord record(List<String> tags, PhotoRows.Photo photo) {
            return new ImageRecord(image(tags), originalKey, thumbKey, previewKey, photo.facts(), photo.shared(),
                    freeDownload);
        }
    }

    private static Row row(ResultSet rows) throws SQLException {
        return new Row(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getBigDecimal(4), rows.getInt(5),
                rows.getString(6), Visibility.valueOf(rows.getString(7).strip()), rows.getInt(8), rows.getInt(9),
                rows.getString(10), rows.getLong(11), strip(rows.getString(12)), rows.getLong(13),
                strip(rows.getString(14)), strip(rows.getString(15)), strip(rows.getString(16)), rows.getInt(17),
                rows.getBoolean(18));
    }

    /** Fixed-width columns come back padded with blanks. */
    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
