package org.gallerist.storage.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageErrors;
import org.gallerist.api.image.TagCount;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.spi.ImageFilter;
import org.gallerist.api.spi.ImageRecord;
import org.gallerist.api.spi.ImageStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Images and tags in Derby; every method is one transaction. Listing is keyset paging over
 * {@code (created_ms DESC, id DESC)} with visibility, tag and text filters in SQL. Tags are rows created on first
 * use and removed as soon as no image carries them, so tag counts are never zero.
 */
@Component(service = ImageStore.class)
public class DerbyImageStore implements ImageStore {

    private static final String COLUMNS = "i.id, i.name, i.description, i.price, i.quantity, u.name, i.visibility,"
            + " i.width, i.height, i.format, i.bytes, i.sha256, i.created_ms, i.original_key, i.thumb_key,"
            + " i.preview_key";
    private static final String FROM = " FROM images i JOIN users u ON u.id = i.owner_id";

    private final DerbyDatabase database;
    private final Clock clock;

    @Activate
    public DerbyImageStore(@Reference DerbyDatabase database) {
        this(database, Clock.systemUTC());
    }

    DerbyImageStore(DerbyDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public ImageRecord insert(ImageRecord record) {
        Image image = record.image();
        return database.inTransaction(connection -> {
            long ownerId = userId(connection, image.owner());
            Optional<Long> existing = findByContent(connection, ownerId, image.sha256());
            if (existing.isPresent()) {
                throw duplicate(existing.get());
            }
            long created = clock.millis();
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO images (owner_id, name,"
                    + " description, price, quantity, visibility, width, height, format, bytes, sha256, original_key,"
                    + " thumb_key, preview_key, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, ownerId);
                insert.setString(2, image.name());
                insert.setString(3, image.description());
                insert.setBigDecimal(4, image.price());
                insert.setInt(5, image.quantity());
                insert.setString(6, image.visibility().name());
                insert.setInt(7, image.width());
                insert.setInt(8, image.height());
                insert.setString(9, image.format());
                insert.setLong(10, image.bytes());
                insert.setString(11, image.sha256());
                insert.setString(12, record.originalKey());
                insert.setString(13, record.thumbKey());
                insert.setString(14, record.previewKey());
                insert.setLong(15, created);
                insert.executeUpdate();
                try (ResultSet generated = insert.getGeneratedKeys()) {
                    generated.next();
                    id = generated.getLong(1);
                }
            } catch (SQLException e) {
                if (DerbyDatabase.isDuplicateKey(e)) {
                    // Another upload of the same bytes by the same owner committed first.
                    Optional<Long> winner = findByContent(connection, ownerId, image.sha256());
                    throw winner.isPresent() ? duplicate(winner.get())
                            : new GalleristException(ErrorCode.DUPLICATE, "You already uploaded this image.");
                }
                throw e;
            }
            setTags(connection, id, image.tags());
            return read(connection, id).orElseThrow();
        });
    }

    @Override
    public Optional<ImageRecord> find(long id) {
        return database.inTransaction(connection -> read(connection, id));
    }

    @Override
    public Optional<Long> findByContent(String owner, String sha256) {
        return database.inTransaction(connection -> {
            Optional<Long> ownerId = optionalUserId(connection, owner);
            return ownerId.isEmpty() ? Optional.<Long>empty() : findByContent(connection, ownerId.get(), sha256);
        });
    }

    @Override
    public List<Image> list(ImageFilter filter) {
        if (filter.limit() <= 0) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(FROM).append(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (!filter.viewerIsAdmin()) {
            sql.append(" AND (i.visibility = 'PUBLIC' OR u.name = ?)");
            parameters.add(filter.viewer());
        }
        if (filter.ownerOnly()) {
            sql.append(" AND u.name = ?");
            parameters.add(filter.viewer());
        }
        for (String word : filter.words()) {
            sql.append(" AND LOWER(i.name || ' ' || i.description) LIKE ? ESCAPE '\\'");
            parameters.add("%" + escapeLike(word.toLowerCase(Locale.ROOT)) + "%");
        }
        List<String> tags = new ArrayList<>(new LinkedHashSet<>(filter.tags()));
        if (!tags.isEmpty()) {
            String exists = " EXISTS (SELECT 1 FROM image_tags it JOIN tags t ON t.id = it.tag_id"
                    + " WHERE it.image_id = i.id AND t.name ";
            if (filter.anyTag()) {
                sql.append(" AND").append(exists).append("IN (").append(placeholders(tags.size())).append("))");
                parameters.addAll(tags);
            } else {
                for (String tag : tags) {
                    sql.append(" AND").append(exists).append("= ?)");
                    parameters.add(tag);
                }
            }
        }
        if (filter.afterCreated() != null && filter.afterId() != null) {
            sql.append(" AND (i.created_ms < ? OR (i.created_ms = ? AND i.id < ?))");
            parameters.add(filter.afterCreated());
            parameters.add(filter.afterCreated());
            parameters.add(filter.afterId());
        }
        sql.append(" ORDER BY i.created_ms DESC, i.id DESC OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY");
        parameters.add(filter.limit());
        return database.inTransaction(connection -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                bind(query, parameters);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(row(result));
                    }
                }
            }
            Map<Long, List<String>> tagsById = tagsOf(connection, rows.stream().map(Row::id).toList());
            return rows.stream().map(row -> row.image(tagsById.getOrDefault(row.id(), List.of()))).toList();
        });
    }

    @Override
    public Image update(long id, ImageChanges changes) {
        return database.inTransaction(connection -> {
            if (!exists(connection, id)) {
                throw notFound(id);
            }
            List<String> assignments = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            if (changes.name() != null) {
                assignments.add("name = ?");
                parameters.add(changes.name());
            }
            if (changes.description() != null) {
                assignments.add("description = ?");
                parameters.add(changes.description());
            }
            if (changes.price() != null) {
                assignments.add("price = ?");
                parameters.add(changes.price());
            }
            if (changes.quantity() != null) {
                assignments.add("quantity = ?");
                parameters.add(changes.quantity());
            }
            if (changes.visibility() != null) {
                assignments.add("visibility = ?");
                parameters.add(changes.visibility().name());
            }
            if (!assignments.isEmpty()) {
                try (PreparedStatement update = connection
                        .prepareStatement("UPDATE images SET " + String.join(", ", assignments) + " WHERE id = ?")) {
                    parameters.add(id);
                    bind(update, parameters);
                    if (update.executeUpdate() == 0) {
                        throw notFound(id);
                    }
                }
            }
            if (changes.tags() != null) {
                List<Long> previous = tagIdsOf(connection, id);
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM image_tags WHERE image_id = ?")) {
                    delete.setLong(1, id);
                    delete.executeUpdate();
                }
                setTags(connection, id, changes.tags());
                removeUnused(connection, previous);
            }
            return read(connection, id).orElseThrow(() -> notFound(id)).image();
        });
    }

    @Override
    public List<String> delete(long id) {
        return database.inTransaction(connection -> {
            ImageRecord record = read(connection, id).orElseThrow(() -> notFound(id));
            List<Long> tagIds = tagIdsOf(connection, id);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM images WHERE id = ?")) {
                delete.setLong(1, id);
                if (delete.executeUpdate() == 0) {
                    throw notFound(id);
                }
            }
            removeUnused(connection, tagIds);
            Set<String> keys = new LinkedHashSet<>();
            for (String key : new String[] { record.originalKey(), record.thumbKey(), record.previewKey() }) {
                if (key != null) {
                    keys.add(key);
                }
            }
            List<String> orphans = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM images WHERE original_key = ?"
                    + " OR thumb_key = ? OR preview_key = ? FETCH FIRST 1 ROWS ONLY")) {
                for (String key : keys) {
                    query.setString(1, key);
                    query.setString(2, key);
                    query.setString(3, key);
                    try (ResultSet rows = query.executeQuery()) {
                        if (!rows.next()) {
                            orphans.add(key);
                        }
                    }
                }
            }
            return orphans;
        });
    }

    @Override
    public List<TagCount> tags(String viewer, boolean viewerIsAdmin) {
        return database.inTransaction(connection -> {
            String sql = "SELECT t.name, COUNT(*) FROM tags t JOIN image_tags it ON it.tag_id = t.id"
                    + " JOIN images i ON i.id = it.image_id JOIN users u ON u.id = i.owner_id"
                    + (viewerIsAdmin ? "" : " WHERE (i.visibility = 'PUBLIC' OR u.name = ?)")
                    + " GROUP BY t.name ORDER BY t.name";
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                if (!viewerIsAdmin) {
                    query.setString(1, viewer);
                }
                List<TagCount> counts = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.add(new TagCount(rows.getString(1), rows.getLong(2)));
                    }
                }
                return counts;
            }
        });
    }

    /**
     * Renames a tag, merging it into {@code to} if that tag exists already (an image carrying both keeps one).
     *
     * @return the number of images that carried {@code from}; 0 if there is no such tag
     */
    @Override
    public int renameTag(String from, String to) {
        return database.inTransaction(connection -> {
            Optional<Long> fromId = tagId(connection, from);
            if (fromId.isEmpty()) {
                return 0;
            }
            int images = countImages(connection, fromId.get());
            if (from.equals(to)) {
                return images;
            }
            Optional<Long> toId = tagId(connection, to);
            if (toId.isEmpty()) {
                try (PreparedStatement rename = connection.prepareStatement("UPDATE tags SET name = ? WHERE id = ?")) {
                    rename.setString(1, to);
                    rename.setLong(2, fromId.get());
                    rename.executeUpdate();
                    return images;
                } catch (SQLException e) {
                    if (!DerbyDatabase.isDuplicateKey(e)) {
                        throw e;
                    }
                    // 'to' was created meanwhile: merge into it instead.
                    toId = tagId(connection, to);
                    if (toId.isEmpty()) {
                        throw e;
                    }
                }
            }
            try (PreparedStatement merge = connection.prepareStatement("INSERT INTO image_tags (image_id, tag_id)"
                    + " SELECT f.image_id, ? FROM image_tags f WHERE f.tag_id = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM image_tags t WHERE t.image_id = f.image_id AND t.tag_id = ?)")) {
                merge.setLong(1, toId.get());
                merge.setLong(2, fromId.get());
                merge.setLong(3, toId.get());
                merge.executeUpdate();
            }
            deleteTagRow(connection, fromId.get());
            return images;
        });
    }

    /** @return the number of images that carried the tag; 0 if there is no such tag */
    @Override
    public int deleteTag(String tag) {
        return database.inTransaction(connection -> {
            Optional<Long> id = tagId(connection, tag);
            if (id.isEmpty()) {
                return 0;
            }
            int images = countImages(connection, id.get());
            deleteTagRow(connection, id.get());
            return images;
        });
    }

    @Override
    public Counts counts() {
        return database.inTransaction(connection -> {
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery(
                            "SELECT (SELECT COUNT(*) FROM images), (SELECT COUNT(*) FROM tags) FROM SYSIBM.SYSDUMMY1")) {
                rows.next();
                return new Counts(rows.getLong(1), rows.getLong(2));
            }
        });
    }

    @Override
    public Set<String> referencedKeys() {
        return database.inTransaction(connection -> {
            Set<String> keys = new HashSet<>();
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("SELECT original_key, thumb_key, preview_key FROM images")) {
                while (rows.next()) {
                    for (int column = 1; column <= 3; column++) {
                        String key = rows.getString(column);
                        if (key != null) {
                            keys.add(key.strip());
                        }
                    }
                }
            }
            return keys;
        });
    }

    // --- helpers, all inside the caller's transaction ---

    private record Row(long id, String name, String description, java.math.BigDecimal price, int quantity,
            String owner, Visibility visibility, int width, int height, String format, long bytes, String sha256,
            long created, String originalKey, String thumbKey, String previewKey) {

        Image image(List<String> tags) {
            return new Image(id, name, description, tags, price, quantity, owner, visibility, width, height, format,
                    bytes, sha256, Instant.ofEpochMilli(created));
        }
    }

    private static Row row(ResultSet rows) throws SQLException {
        return new Row(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getBigDecimal(4), rows.getInt(5),
                rows.getString(6), Visibility.valueOf(rows.getString(7).strip()), rows.getInt(8), rows.getInt(9),
                rows.getString(10), rows.getLong(11), strip(rows.getString(12)), rows.getLong(13),
                strip(rows.getString(14)), strip(rows.getString(15)), strip(rows.getString(16)));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static Optional<ImageRecord> read(Connection connection, long id) throws SQLException {
        Row row;
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE i.id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                row = row(rows);
            }
        }
        List<String> tags = tagsOf(connection, List.of(id)).getOrDefault(id, List.of());
        return Optional.of(new ImageRecord(row.image(tags), row.originalKey(), row.thumbKey(), row.previewKey()));
    }

    /** Tag names per image id, alphabetical. */
    private static Map<Long, List<String>> tagsOf(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, List<String>> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT it.image_id, t.name FROM image_tags it"
                + " JOIN tags t ON t.id = it.tag_id WHERE it.image_id IN (" + placeholders(ids.size()) + ")"
                + " ORDER BY it.image_id, t.name")) {
            bind(query, new ArrayList<>(ids));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.computeIfAbsent(rows.getLong(1), key -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return result;
    }

    private static List<Long> tagIdsOf(Connection connection, long imageId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT tag_id FROM image_tags WHERE image_id = ?")) {
            query.setLong(1, imageId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Links the image to each tag, creating tags on first use; tags are locked in name order to avoid deadlocks. */
    private static void setTags(Connection connection, long imageId, List<String> tags) throws SQLException {
        try (PreparedStatement link = connection
                .prepareStatement("INSERT INTO image_tags (image_id, tag_id) VALUES (?, ?)")) {
            for (String tag : new TreeSet<>(tags)) {
                link.setLong(1, imageId);
                link.setLong(2, tagIdCreatingIfAbsent(connection, tag));
                link.executeUpdate();
            }
        }
    }

    /**
     * The tag's id, inserting the tag if it is new. Safe under concurrency: a racing insert of the same name fails
     * with a duplicate key, after which the winner's row is selected. The select holds its shared lock to the end
     * of the transaction (WITH RS), so a concurrent clean-up cannot remove the tag before this image links to it.
     */
    private static long tagIdCreatingIfAbsent(Connection connection, String tag) throws SQLException {
        for (int attempt = 0;; attempt++) {
            Optional<Long> existing = tagId(connection, tag);
            if (existing.isPresent()) {
                return existing.get();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tags (name) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, tag);
                insert.executeUpdate();
                try (ResultSet generated = insert.getGeneratedKeys()) {
                    generated.next();
                    return generated.getLong(1);
                }
            } catch (SQLException e) {
                if (!DerbyDatabase.isDuplicateKey(e) || attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private static Optional<Long> tagId(Connection connection, String tag) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM tags WHERE name = ? WITH RS")) {
            query.setString(1, tag);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Deletes those of the given tags that no image carries any more. */
    private static void removeUnused(Connection connection, List<Long> tagIds) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tags WHERE id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM image_tags it WHERE it.tag_id = tags.id)")) {
            for (long id : new TreeSet<>(tagIds)) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
    }

    private static void deleteTagRow(Connection connection, long tagId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tags WHERE id = ?")) {
            delete.setLong(1, tagId);
            delete.executeUpdate(); // image_tags rows go by ON DELETE CASCADE
        }
    }

    private static int countImages(Connection connection, long tagId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM image_tags WHERE tag_id = ?")) {
            query.setLong(1, tagId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static boolean exists(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM images WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Optional<Long> findByContent(Connection connection, long ownerId, String sha256)
            throws SQLException {
        try (PreparedStatement query = connection
                .prepareStatement("SELECT id FROM images WHERE owner_id = ? AND sha256 = ?")) {
            query.setLong(1, ownerId);
            query.setString(2, sha256);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    static Optional<Long> optionalUserId(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM users WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    static long userId(Connection connection, String name) throws SQLException {
        return optionalUserId(connection, name)
                .orElseThrow(() -> new GalleristException(ErrorCode.NOT_FOUND, "No user '" + name + "'."));
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else if (value instanceof java.math.BigDecimal decimal) {
                statement.setBigDecimal(i + 1, decimal);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }

    /** Makes a word match literally in {@code LIKE ... ESCAPE '\'}. */
    static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static GalleristException duplicate(long existingId) {
        return ImageErrors.duplicate(existingId);
    }

    private static GalleristException notFound(long id) {
        return new GalleristException(ErrorCode.NOT_FOUND, "No image #" + id + ".");
    }
}
