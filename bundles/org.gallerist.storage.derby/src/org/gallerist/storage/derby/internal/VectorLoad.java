package org.gallerist.storage.derby.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    /** The same rows without the vectors: the embedder index covers {@code v}, so no BLOB page is read. */
    private static final String WITHOUT_VECTORS = "SELECT i.id, i.sha256, u.name, i.visibility"
            + " FROM image_vectors v --DERBY-PROPERTIES index=image_vectors_embedder\n"
            + " JOIN images i ON i.id = v.image_id JOIN users u ON u.id = i.owner_id"
            + " WHERE v.embedder_id = ? ORDER BY i.id";
    private static final String ONE_VECTOR = "SELECT vector FROM image_vectors WHERE image_id = ? AND embedder_id = ?";

    private final Sql sql;
    private final Path snapshotFile;
    private final String embedderId;
    private final Map<Long, List<String>> tags;
    private final EntrySink sink;
    private VectorSnapshot.Writer writer;
    private int dimension = -1;
    private long count;
    private long fromSnapshot;
    private long fromDatabase;
    private long dropped;
    /** Images whose vector was replaced while this load ran: read again at its end. */
    private final Set<Long> replaced = ConcurrentHashMap.newKeySet();

    VectorLoad(Sql sql, Path snapshotFolder, String embedderId, Map<Long, List<String>> tags, EntrySink sink) {
        this.sql = sql;
        this.snapshotFile = VectorSnapshot.file(snapshotFolder, embedderId);
        this.embedderId = embedderId;
        this.tags = tags;
        this.sink = sink;
    }

    void run() throws SQLException {
        count = sql.one("SELECT COUNT(*) FROM image_vectors WHERE embedder_id = ?", row -> row.getLong(1),
                embedderId);
        Optional<VectorSnapshot.Reader> snapshot = openSnapshot();
        try {
            if (snapshot.isPresent()) {
                merge(snapshot.get());
            } else {
                sql.forEach(WITH_VECTORS, row -> emit(row, DerbyVectorStore.decode(row.getBytes(5))), embedderId);
            }
            emitReplacedAgain();
            finishSnapshot(snapshot.isEmpty() || fromDatabase > 0 || dropped > 0 || snapshot.get().damaged());
        } finally {
            snapshot.ifPresent(VectorLoad::closeQuietly);
            abandonSnapshot();
        }
        if (snapshot.isPresent() && (fromDatabase > 0 || dropped > 0)) {
            LOG.info("Vectors of {}: {} from the snapshot, {} from the database, {} dropped", embedderId, fromSnapshot,
                    fromDatabase, dropped);
        }
    }

    /** Called by the store after it replaced a vector; harmless for another embedder's vectors. */
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
        for (long id : List.copyOf(replaced)) {
            sql.forEach(WITH_VECTORS.replace("ORDER BY i.id", "AND i.id = ?"),
                    row -> sink.accept(entry(row, DerbyVectorStore.decode(row.getBytes(5)))), embedderId, id);
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

    /** Walks the snapshot and the database's rows side by side, both in ascending image id order. */
    private void merge(VectorSnapshot.Reader snapshot) throws SQLException {
        dimension = snapshot.dimension();
        VectorSnapshot.Vector[] next = { nextOf(snapshot) };
        sql.forEach(WITHOUT_VECTORS, row -> {
            long id = row.getLong(1);
            while (next[0] != null && next[0].imageId() < id) { // its image or vector is gone
                dropped++;
                next[0] = nextOf(snapshot);
            }
            float[] vector = null;
            if (next[0] != null && next[0].imageId() == id) {
                if (next[0].contentPrefix() == VectorSnapshot.contentPrefix(row.getString(2))) {
                    vector = next[0].vector();
                    fromSnapshot++;
                } else {
                    dropped++; // another image under a reused id (a database restored from a backup)
                }
                next[0] = nextOf(snapshot);
            }
            if (vector == null) {
                Optional<byte[]> stored = sql.optional(ONE_VECTOR, one -> one.getBytes(1), id, embedderId);
                if (stored.isEmpty()) {
                    return;
                }
                vector = DerbyVectorStore.decode(stored.get());
                fromDatabase++;
            }
            emit(row, vector);
        }, embedderId);
        while (next[0] != null) {
            dropped++;
            next[0] = nextOf(snapshot);
        }
    }

    private VectorSnapshot.Vector nextOf(VectorSnapshot.Reader snapshot) throws SQLException {
        try {
            return snapshot.next();
        } catch (IOException e) {
            throw new SQLException("Reading the vector snapshot failed: " + e.getMessage(), e);
        }
    }

    private void emit(ResultSet row, float[] vector) throws SQLException {
        sink.accept(entry(row, vector));
        if (dimension != -2) {
            record(row.getLong(1), VectorSnapshot.contentPrefix(row.getString(2)), vector);
        }
    }

    private Entry entry(ResultSet row, float[] vector) throws SQLException {
        long id = row.getLong(1);
        return new Entry(id, row.getString(3), "PUBLIC".equals(row.getString(4)), tags.getOrDefault(id, List.of()),
                vector);
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
