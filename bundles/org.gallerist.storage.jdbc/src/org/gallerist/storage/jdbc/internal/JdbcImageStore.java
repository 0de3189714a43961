package org.gallerist.storage.jdbc.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageErrors;
import org.gallerist.api.image.TagCount;
import org.gallerist.spi.storage.ImageFilter;
import org.gallerist.spi.storage.ImageRecord;
import org.gallerist.spi.storage.ImageStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Images and tags in Derby; every method is one transaction. Reading rows is {@link ImageRows}, the listing query
 * {@link ImageListing}, and tag rows {@link ImageTags}; what is here are the writes and the transaction boundaries.
 */
@Component(service = ImageStore.class)
public class JdbcImageStore implements ImageStore {

    private final JdbcDatabase database;
    private final Clock clock;

    @Activate
    public JdbcImageStore(@Reference JdbcDatabase database) {
        this(database, Clock.systemUTC());
    }

    JdbcImageStore(JdbcDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public ImageRecord insert(ImageRecord record) {
        Image image = record.image();
        return database.inTransaction(sql -> {
            long ownerId = UserIds.require(sql, image.owner());
            Optional<Long> existing = ImageRows.findByContent(sql, ownerId, image.sha256());
            if (existing.isPresent()) {
                throw duplicate(existing.get());
            }
            long id;
            try {
                id = sql.attempt(insert -> insert.insert("INSERT INTO images (owner_id, name, description, price,"
                        + " quantity, visibility, width, height, format, bytes, sha256, original_key, thumb_key,"
                        + " preview_key, created_ms, pages, free_download)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ownerId, image.name(),
                        image.description(), image.price(), image.quantity(), image.visibility().name(), image.width(),
                        image.height(), image.format(), image.bytes(), image.sha256(), record.originalKey(),
                        record.thumbKey(), record.previewKey(), clock.millis(), image.pages(), record.freeDownload()));
            } catch (SQLException e) {
                if (Sql.isDuplicateKey(e)) {
                    // Another upload of the same bytes by the same owner committed first.
                    Optional<Long> winner = ImageRows.findByContent(sql, ownerId, image.sha256());
                    throw winner.isPresent() ? duplicate(winner.get())
                            : new GalleristException(ErrorCode.DUPLICATE, "You already uploaded this image.");
                }
                throw e;
            }
            ImageTags.link(sql, id, image.tags());
            PhotoRows.insert(sql, id, record.photo(), record.cameraShared());
            return ImageRows.read(sql, id).orElseThrow();
        });
    }

    @Override
    public Optional<ImageRecord> find(long id) {
        return database.inTransaction(sql -> ImageRows.read(sql, id));
    }

    @Override
    public Optional<Long> findByContent(String owner, String sha256) {
        return database.inTransaction(sql -> {
            Optional<Long> ownerId = UserIds.find(sql, owner);
            return ownerId.isEmpty() ? Optional.<Long>empty() : ImageRows.findByContent(sql, ownerId.get(), sha256);
        });
    }

    @Override
    public List<Listed> ranked(ImageFilter filter) {
        if (filter.limit() <= 0) {
            return List.of();
        }
        return database.inTransaction(sql -> {
            List<Listed> found = new ArrayList<>(listRank(sql, filter));
            if (!filter.words().isEmpty() && filter.afterRank() == ImageFilter.DIRECT
                    && found.size() < filter.limit()) {
                found.addAll(listRank(sql, filter.nextRank(filter.limit() - found.size())));
            }
            return found;
        });
    }

    private static List<Listed> listRank(Sql sql, ImageFilter filter) throws SQLException {
        return ImageRows.list(sql, ImageListing.of(filter)).stream()
                .map(image -> new Listed(image, filter.afterRank())).toList();
    }

    @Override
    public Image update(long id, ImageChanges changes) {
        return database.inTransaction(sql -> apply(sql, id, changes));
    }

    /** One transaction for all: a failure (an image deleted meanwhile) rolls every change back. */
    @Override
    public List<Image> update(Map<Long, ImageChanges> changes) {
        return database.inTransaction(sql -> {
            List<Image> changed = new ArrayList<>();
            for (Map.Entry<Long, ImageChanges> change : changes.entrySet()) {
                changed.add(apply(sql, change.getKey(), change.getValue()));
            }
            return changed;
        });
    }

    private static Image apply(Sql sql, long id, ImageChanges changes) throws SQLException {
        if (!ImageRows.exists(sql, id)) {
            throw notFound(id);
        }
        ColumnChanges columns = new ColumnChanges().set("name", changes.name())
                .set("description", changes.description()).set("price", changes.price())
                .set("quantity", changes.quantity())
                .set("visibility", changes.visibility() == null ? null : changes.visibility().name())
                .set("free_download", changes.freeDownload());
        if (!columns.isEmpty() && sql.update("UPDATE images SET " + columns.assignments() + " WHERE id = ?",
                columns.valuesThen(id)) == 0) {
            throw notFound(id);
        }
        if (changes.shareCamera() != null) {
            PhotoRows.share(sql, id, changes.shareCamera());
        }
        if (changes.tags() != null) {
            List<Long> previous = ImageTags.unlinkAll(sql, id);
            ImageTags.link(sql, id, changes.tags());
            ImageTags.removeUnused(sql, previous);
        }
        if (changes.tags() != null || changes.visibility() != null) {
            ImageChangeLog.record(sql, id, ImageChangeLog.Kind.IMAGE);
        }
        return ImageRows.read(sql, id).orElseThrow(() -> notFound(id)).image();
    }

    @Override
    public List<String> delete(long id) {
        return database.inTransaction(sql -> deleteRow(sql, id));
    }

    /** One transaction for all: if one row is gone meanwhile, none is deleted. */
    @Override
    public List<String> delete(List<Long> ids) {
        return database.inTransaction(sql -> {
            Set<String> orphans = new LinkedHashSet<>(); // a file two of the rows shared is orphaned by the later
            for (long id : ids) {
                orphans.addAll(deleteRow(sql, id));
            }
            return new ArrayList<>(orphans);
        });
    }

    private static List<String> deleteRow(Sql sql, long id) throws SQLException {
        ImageRecord record = ImageRows.read(sql, id).orElseThrow(() -> notFound(id));
        List<Long> tagIds = ImageTags.idsOf(sql, id);
        if (sql.update("DELETE FROM images WHERE id = ?", id) == 0) {
            throw notFound(id);
        }
        ImageChangeLog.record(sql, id, ImageChangeLog.Kind.IMAGE);
        ImageTags.removeUnused(sql, tagIds);
        Set<String> keys = new LinkedHashSet<>();
        for (String key : new String[] { record.originalKey(), record.thumbKey(), record.previewKey() }) {
            if (key != null) {
                keys.add(key);
            }
        }
        List<String> orphans = new ArrayList<>();
        for (String key : keys) {
            if (!ImageRows.referenced(sql, key)) {
                orphans.add(key);
            }
        }
        return orphans;
    }

    @Override
    public List<TagCount> tags(String viewer, boolean viewerIsAdmin) {
        return database.inTransaction(sql -> ImageTags.counts(sql, viewer, viewerIsAdmin));
    }

    @Override
    public int renameTag(String from, String to) {
        return database.inTransaction(sql -> ImageTags.rename(sql, from, to));
    }

    @Override
    public int deleteTag(String tag) {
        return database.inTransaction(sql -> ImageTags.delete(sql, tag));
    }

    @Override
    public Counts counts() {
        return database.inTransaction(sql -> sql.one(
                "VALUES ((SELECT COUNT(*) FROM images), (SELECT COUNT(*) FROM tags))",
                row -> new Counts(row.getLong(1), row.getLong(2))));
    }

    @Override
    public Usage usage(String owner) {
        return database.inTransaction(sql -> sql.one("SELECT COUNT(*), COALESCE(SUM(i.bytes), 0) FROM images i"
                + " JOIN users u ON u.id = i.owner_id WHERE u.name = ?",
                row -> new Usage(row.getLong(1), row.getLong(2)), owner));
    }

    @Override
    public Set<String> referencedKeys() {
        return database.inTransaction(sql -> {
            Set<String> keys = new HashSet<>();
            sql.forEach("SELECT original_key, thumb_key, preview_key FROM images", row -> {
                for (int column = 1; column <= 3; column++) {
                    String key = row.getString(column);
                    if (key != null) {
                        keys.add(key.strip());
                    }
                }
            });
            return keys;
        });
    }

    /** The {@code column = ?} assignments of an UPDATE, for the columns given a value. */
    private static final class ColumnChanges {
        private final List<String> assignments = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        ColumnChanges set(String column, Object value) {
            if (value != null) {
                assignments.add(column + " = ?");
                values.add(value);
            }
            return this;
        }

        boolean isEmpty() {
            return assignments.isEmpty();
        }

        String assignments() {
            return String.join(", ", assignments);
        }

        Object[] valuesThen(Object last) {
            List<Object> all = new ArrayList<>(values);
            all.add(last);
            return all.toArray();
        }
    }

    private static GalleristException duplicate(long existingId) {
        return ImageErrors.duplicate(existingId);
    }

    private static GalleristException notFound(long id) {
        return new GalleristException(ErrorCode.NOT_FOUND, "No image #" + id + ".");
    }
}
