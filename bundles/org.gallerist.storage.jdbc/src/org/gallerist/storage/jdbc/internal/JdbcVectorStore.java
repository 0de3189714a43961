package org.gallerist.storage.jdbc.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.gallerist.spi.storage.DataFolder;
import org.gallerist.spi.storage.VectorStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link VectorStore} in the {@code image_vectors} table; vectors are little-endian float32 blobs. A load of every
 * vector reads them from a {@link VectorSnapshot} in {@code <dataDir>/vectors} where it can ({@link VectorLoad}).
 */
@Component(service = VectorStore.class)
public class JdbcVectorStore implements VectorStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcVectorStore.class);

    private final JdbcDatabase database;
    private final Path snapshotFolder;
    private final Set<VectorLoad> loadsInFlight = ConcurrentHashMap.newKeySet();

    @Activate
    public JdbcVectorStore(@Reference JdbcDatabase database, @Reference DataFolder data) {
        this(database, data.path().resolve("vectors"));
    }

    JdbcVectorStore(JdbcDatabase database, Path snapshotFolder) {
        this.database = database;
        this.snapshotFolder = snapshotFolder;
    }

    private static final int ENTRIES_AT_ONCE = 500;

    /** The labels column's size; labels beyond it are left out, last first. */
    static final int MAX_LABEL_CHARS = 2000;

    @Override
    public void put(long imageId, String embedderId, float[] vector, List<String> labels) {
        byte[] bytes = encode(vector);
        String text = labelText(labels);
        boolean replaced = database.inTransaction(sql -> {
            int old = sql.update("DELETE FROM image_vectors WHERE image_id = ? AND embedder_id = ?", imageId,
                    embedderId);
            try {
                sql.attempt(insert -> insert.update("INSERT INTO image_vectors (image_id, embedder_id, dimension,"
                        + " vector, labels) VALUES (?, ?, ?, ?, ?)", imageId, embedderId, vector.length, bytes, text));
            } catch (SQLException e) {
                if (!Sql.isForeignKeyViolation(e)) { // the image was deleted while its vector was computed
                    throw e;
                }
                return false;
            }
            ImageChangeLog.record(sql, imageId,
                    old > 0 ? ImageChangeLog.Kind.VECTOR_REPLACED : ImageChangeLog.Kind.VECTOR_STORED);
            return old > 0;
        });
        if (replaced) {
            snapshotOutdated(imageId, embedderId);
        }
    }

    /**
     * A snapshot takes a vector as long as the image's content is the same, so one replaced for the same content
     * makes it wrong: it is deleted, and a load in flight reads that vector again and keeps no snapshot.
     */
    private void snapshotOutdated(long imageId, String embedderId) {
        for (VectorLoad load : loadsInFlight) {
            load.replaced(imageId, embedderId);
        }
        try {
            Files.deleteIfExists(VectorSnapshot.file(snapshotFolder, embedderId));
        } catch (IOException e) {
            LOG.warn("An outdated vector snapshot is left in {}: {}", snapshotFolder, e.getMessage());
        }
    }

    /** Another node replaced a vector of the image; its change does not say whose, so every snapshot goes. */
    private void snapshotsOutdated(long imageId) {
        for (VectorLoad load : loadsInFlight) {
            load.replaced(imageId, load.embedderId());
        }
        deleteSnapshotsBut(null);
    }

    @Override
    public List<String> labels(long imageId, String embedderId) {
        List<String> texts = database.inTransaction(sql -> sql.list(
                "SELECT labels FROM image_vectors WHERE image_id = ? AND embedder_id = ?", row -> row.getString(1),
                imageId, embedderId));
        return texts.isEmpty() || texts.get(0).isEmpty() ? List.of() : List.of(texts.get(0).split("\n"));
    }

    /** One label a line; a line break inside a label would split it, so it becomes a space. */
    static String labelText(List<String> labels) {
        StringBuilder text = new StringBuilder();
        for (String label : labels) {
            String line = label.replaceAll("[\\r\\n]+", " ").strip();
            if (line.isEmpty() || text.length() + line.length() + 1 > MAX_LABEL_CHARS) {
                continue;
            }
            text.append(text.isEmpty() ? "" : "\n").append(line);
        }
        return text.toString();
    }

    @Override
    public void forEach(String embedderId, EntrySink sink) {
        // each image's tags in a transaction of their own, on a second core, while the vectors are read: the index
        // checks a hit against its row again anyway, so tags a moment older than the rows do no harm
        CompletableFuture<Map<Long, List<String>>> tags = CompletableFuture.supplyAsync(
                () -> database.inTransaction(JdbcVectorStore::tags),
                task -> new Thread(task, "gallerist-tag-load").start());
        database.inTransaction(sql -> {
            VectorLoad load = new VectorLoad(sql, snapshotFolder, embedderId, () -> joined(tags), sink);
            loadsInFlight.add(load);
            try {
                load.run();
            } finally {
                loadsInFlight.remove(load);
            }
            return null;
        });
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Each image's tags, sorted by name; read unsorted and without a join, as sorting 100,000s of rows cost more. */
    private static Map<Long, List<String>> tags(Sql sql) throws SQLException {
        Map<Long, String> names = new HashMap<>();
        sql.forEach("SELECT id, name FROM tags", row -> names.put(row.getLong(1), row.getString(2)));
        Map<Long, List<String>> tags = new HashMap<>();
        sql.forEach("SELECT image_id, tag_id FROM image_tags",
                row -> tags.computeIfAbsent(row.getLong(1), id -> new ArrayList<>(2)).add(names.get(row.getLong(2))));
        tags.values().forEach(list -> list.sort(null));
        return tags;
    }

    @Override
    public List<Entry> entries(String embedderId, Collection<Long> imageIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(imageIds));
        List<Entry> entries = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += ENTRIES_AT_ONCE) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + ENTRIES_AT_ONCE));
            entries.addAll(database.inTransaction(sql -> EntryRows.read(sql, embedderId, chunk)));
        }
        return entries;
    }

    @Override
    public ChangeFeed follow() {
        return new JdbcChangeFeed(database, this::snapshotsOutdated);
    }

    @Override
    public List<Long> missing(String embedderId, int limit) {
        return database.inTransaction(sql -> sql.list("SELECT i.id FROM images i WHERE NOT EXISTS"
                + " (SELECT 1 FROM image_vectors v WHERE v.image_id = i.id AND v.embedder_id = ?)"
                + " ORDER BY i.id FETCH FIRST ? ROWS ONLY", row -> row.getLong(1), embedderId, Math.max(1, limit)));
    }

    @Override
    public int deleteOthers(String embedderId) {
        int deleted = database.inTransaction(
                sql -> sql.update("DELETE FROM image_vectors WHERE embedder_id <> ?", embedderId));
        deleteSnapshotsBut(VectorSnapshot.file(snapshotFolder, embedderId));
        return deleted;
    }

    @Override
    public long count(String embedderId) {
        return database.inTransaction(sql -> sql.one("SELECT COUNT(*) FROM image_vectors WHERE embedder_id = ?",
                row -> row.getLong(1), embedderId));
    }

    private void deleteSnapshotsBut(Path kept) {
        if (!Files.isDirectory(snapshotFolder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(snapshotFolder, "vectors-*.bin")) {
            for (Path file : files) {
                if (!file.equals(kept)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("Vector snapshots of other embedders are left in {}: {}", snapshotFolder, e.getMessage());
        }
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
