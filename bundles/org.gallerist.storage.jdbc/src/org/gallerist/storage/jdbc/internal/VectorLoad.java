package org.gallerist.storage.jdbc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.gallerist.spi.storage.VectorStore.Entry;
import org.gallerist.spi.storage.VectorStore.EntrySink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every stored vector of one embedder, in image id order, inside the caller's transaction: taken from the
 * {@link VectorSnapshot} where it matches the database (same image id, same content), read from Derby where it does
 * not, and a fresh snapshot written along the way to replace the old one when they differed. Without a snapshot the
 * vectors are read from Derby in one scan, and the snapshot is written from them.
 */
final class VectorLoad {

    private static final Logger LOG = LoggerFactory.getLogger(VectorLoad.class);
    /** A cache never takes the last gigabyte of the data folder's disk: uploads and Derby's log need it more. */
    private static final long KEEP_FREE_BYTES = 1L << 30;

    private static final String WITH_VECTORS = "SELECT i.id, i.sha256, u.name, i.visibility, v.vector"
            + " FROM image_vectors v JOIN images i ON i.id = v.image_id JOIN users u ON u.id = i.owner_id"
            + " WHERE v.embedder_id = ? ORDER BY i.id";
    /** Read from the embedder index alone, which holds them in this order: no BLOB page is read. */
    private static final String IDS_WITH_VECTORS = "SELECT image_id FROM image_vectors"
            + " --DERBY-PROPERTIES index=image_vectors_embedder\n WHERE embedder_id = ? ORDER BY image_id";
    /** Every image's access, in one scan: a fifth of the time of joining each vector row to its image and user. */
    private static final String ACCESS = "SELECT id, sha256, owner_id, visibility FROM images";
    private static final String ONE_VECTOR = "SELECT vector FROM image_vectors WHERE image_id = ? AND embedder_id = ?";

    private final Sql sql;
    private final Path snapshotFile;
    private final String embedderId;
    private final Supplier<Map<Long, List<String>>> tagsWhenRead;
    private Map<Long, List<String>> tags;
    private final EntrySink callersSink;
    private HandOffSink sink;
    private VectorSnapshot.Writer writer;
    /** The vectors' length; -2 once the snapshot is not (or no longer) being written in this load. */
    private int dimension = -1;
    private long count;
    private long fromSnapshot;
    private long fromDatabase;
    private long dropped;
    /** Images whose vector was replaced while this load ran: read again at its end. */
    private final Set<Long> replaced = ConcurrentHashMap.newKeySet();

    /** @param tags each image's tags, asked for at the first entry (they may be read meanwhile) */
    VectorLoad(Sql sql, Path snapshotFolder, String embedderId, Supplier<Map<Long, List<String>>> tags,
            EntrySink sink) {
        this.sql = sql;
        this.snapshotFile = VectorSnapshot.file(snapshotFolder, embedderId);
        this.embedderId = embedderId;
        this.tagsWhenRead = tags;
        this.callersSink = sink;
    }

    void run() throws SQLException {
        long start = System.nanoTime();
        Optional<VectorSnapshot.Reader> snapshot = openSnapshot();
        boolean differed = true;
        sink = new HandOffSink(callersSink);
        boolean handedOver = false;
        try {
            if (snapshot.isPresent()) {
                merge(snapshot.get());
                differed = fromDatabase > 0 || dropped > 0 || snapshot.get().damaged();
            } else {
                count = sql.one("SELECT COUNT(*) FROM image_vectors WHERE embedder_id = ?", row -> row.getLong(1),
                        embedderId);
                sql.forEach(WITH_VECTORS, row -> {
                    fromDatabase++;
                    emit(row.getLong(1), row.getString(3), "PUBLIC".equals(row.getString(4)),
                            VectorSnapshot.contentPrefix(row.getString(2)), JdbcVectorStore.decode(row.getBytes(5)));
                }, embedderId);
            }
            sink.finish();
            handedOver = true;
            emitReplacedAgain();
            finishSnapshot(differed);
        } finally {
            if (!handedOver) {
                sink.abandon();
            }
            snapshot.ifPresent(VectorLoad::closeQuietly);
            abandonSnapshot();
        }
        LOG.info("Vectors of {}: {} from the snapshot, {} from the database, {} dropped, in {} ms", embedderId,
                fromSnapshot, fromDatabase, dropped, (System.nanoTime() - start) / 1_000_000);
    }

    /** Called by the store after it replaced a vector; harmless for another embedder's vectors. */
    String embedderId() {
        return embedderId;
    }

    void replaced(long imageId, String ofEmbedder) {
        if (embedderId.equals(ofEmbedder)) {
            replaced.add(imageId);
        }
    }

    /** The vectors replaced meanwhile, once more as they are now; the snapshot being written may be wrong, so goes. */
    private void emitReplacedAgain() throws SQLException {
        if (replaced.isEmpty()) {
            return;
        }
        abandonSnapshot();
        deleteSnapshot();
        for (long id : List.copyOf(replaced)) {
            sql.forEach(WITH_VECTORS.replace("ORDER BY i.id", "AND i.id = ?"),
                    row -> callersSink.accept(entry(row.getLong(1), row.getString(3), "PUBLIC".equals(row.getString(4)),
                            JdbcVectorStore.decode(row.getBytes(5)))), embedderId, id);
        }
    }

    private Optional<VectorSnapshot.Reader> openSnapshot() {
        try {
            return VectorSnapshot.Reader.open(snapshotFile, embedderId);
        } catch (IOException e) {
            LOG.warn("The vector snapshot {} cannot be read ({}); reading the vectors from the database", snapshotFile,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Walks the snapshot, the ids of the stored vectors and every image's row side by side, all in ascending image id
     * order. A new snapshot is written along only when the ids say it will differ (a vector added or removed since);
     * what they cannot tell (another image under a reused id) deletes the snapshot instead, for the next load to write.
     */
    private void merge(VectorSnapshot.Reader snapshot) throws SQLException {
        long[] ids = idsWithVectors();
        count = ids.length;
        boolean sameIds = snapshot.count() == ids.length
                && (ids.length == 0 || snapshot.lastImageId() == ids[ids.length - 1]);
        dimension = sameIds ? -2 : snapshot.dimension();
        Map<Long, String> users = new HashMap<>();
        sql.forEach("SELECT id, name FROM users", row -> users.put(row.getLong(1), row.getString(2)));
        String[] owner = new String[ids.length];
        boolean[] isPublic = new boolean[ids.length];
        long[] content = new long[ids.length];
        // in the table's order, as sorting by id costs more than the scan; each row finds its place among the ids
        sql.forEach(ACCESS, row -> {
            int at = Arrays.binarySearch(ids, row.getLong(1));
            if (at >= 0) {
                owner[at] = users.get(row.getLong(3));
                isPublic[at] = "PUBLIC".equals(row.getString(4));
                content[at] = VectorSnapshot.contentPrefix(row.getString(2));
            }
        });
        VectorSnapshot.Vector next = nextOf(snapshot);
        for (int at = 0; at < ids.length; at++) {
            long id = ids[at];
            if (owner[at] == null) {
                continue; // its image was deleted between the two scans
            }
            while (next != null && next.imageId() < id) { // its image or vector is gone
                dropped++;
                next = nextOf(snapshot);
            }
            float[] vector = null;
            if (next != null && next.imageId() == id) {
                if (next.contentPrefix() == content[at]) {
                    vector = next.vector();
                    fromSnapshot++;
                } else {
                    dropped++; // another image under a reused id (a database restored from a backup)
                }
                next = nextOf(snapshot);
            }
            if (vector == null) {
                Optional<byte[]> stored = sql.optional(ONE_VECTOR, one -> one.getBytes(1), id, embedderId);
                if (stored.isEmpty()) {
                    continue;
                }
                vector = JdbcVectorStore.decode(stored.get());
                fromDatabase++;
            }
            emit(id, owner[at], isPublic[at], content[at], vector);
        }
        while (next != null) {
            dropped++;
            next = nextOf(snapshot);
        }
        if (sameIds && (fromDatabase > 0 || dropped > 0 || snapshot.damaged())) {
            deleteSnapshot();
        }
    }

    private long[] idsWithVectors() throws SQLException {
        long[][] ids = { new long[1024] };
        int[] size = { 0 };
        sql.forEach(IDS_WITH_VECTORS, row -> {
            if (size[0] == ids[0].length) {
                ids[0] = Arrays.copyOf(ids[0], size[0] * 2);
            }
            ids[0][size[0]++] = row.getLong(1);
        }, embedderId);
        return Arrays.copyOf(ids[0], size[0]);
    }

    private void deleteSnapshot() {
        try {
            Files.deleteIfExists(snapshotFile);
        } catch (IOException e) {
            LOG.warn("An outdated vector snapshot is left in {}: {}", snapshotFile, e.getMessage());
        }
    }

    private VectorSnapshot.Vector nextOf(VectorSnapshot.Reader snapshot) throws SQLException {
        try {
            return snapshot.next();
        } catch (IOException e) {
            throw new SQLException("Reading the vector snapshot failed: " + e.getMessage(), e);
        }
    }

    private void emit(long id, String owner, boolean isPublic, long contentPrefix, float[] vector) {
        sink.accept(entry(id, owner, isPublic, vector));
        if (dimension != -2) {
            record(id, contentPrefix, vector);
        }
    }

    private Entry entry(long id, String owner, boolean isPublic, float[] vector) {
        if (tags == null) {
            tags = tagsWhenRead.get();
        }
        return new Entry(id, owner, isPublic, tags.getOrDefault(id, List.of()), vector);
    }

    /** Adds the vector to the snapshot being written; a failure there only costs the snapshot, never the load. */
    private void record(long id, long contentPrefix, float[] vector) {
        if (dimension == -1) {
            dimension = vector.length;
        }
        try {
            if (writer == null && vector.length == dimension) {
                if (!roomFor(count * VectorSnapshot.recordBytes(dimension))) {
                    LOG.info("Not keeping a vector snapshot of {}: the disk is nearly full", embedderId);
                    dimension = -2;
                    return;
                }
                writer = new VectorSnapshot.Writer(snapshotFile, embedderId, dimension);
            }
            if (writer != null) {
                writer.add(id, contentPrefix, vector);
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Not writing the vector snapshot {}: {}", snapshotFile, e.getMessage());
            abandonSnapshot();
            dimension = -2; // no second attempt in this load
        }
    }

    private boolean roomFor(long bytes) throws IOException {
        Path folder = snapshotFile.getParent();
        Path existing = Files.exists(folder) ? folder : folder.getParent();
        return Files.getFileStore(existing).getUsableSpace() - bytes >= KEEP_FREE_BYTES;
    }

    private void finishSnapshot(boolean changed) {
        if (writer == null || !changed) {
            return; // unchanged: the one in place holds exactly these vectors, and abandonSnapshot() drops the copy
        }
        try {
            writer.commit();
            if (!replaced.isEmpty()) { // a vector replaced after emitReplacedAgain(): the store deleted, or deletes now
                Files.deleteIfExists(snapshotFile);
            }
        } catch (IOException e) {
            LOG.warn("Not writing the vector snapshot {}: {}", snapshotFile, e.getMessage());
        }
    }

    private void abandonSnapshot() {
        if (writer != null) {
            closeQuietly(writer);
            writer = null;
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed: {}", closeable, e.getMessage());
        }
    }
}
