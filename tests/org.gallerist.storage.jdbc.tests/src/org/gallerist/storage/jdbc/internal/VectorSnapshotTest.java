package org.gallerist.storage.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.Visibility;
import org.gallerist.spi.storage.ImageRecord;
import org.gallerist.spi.storage.VectorStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.gallerist.tests.harness.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The vector snapshot a load reads instead of Derby's BLOBs: used where it matches, never trusted where it does not. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = { EngineUnderTest.DERBY, EngineUnderTest.POSTGRESQL })
class VectorSnapshotTest {

    @Parameter
    String kind;

    @RegisterExtension
    final SharedPostgres postgres = new SharedPostgres();

    private static final String MODEL = "onnx:test-model@1";
    private static final int DIMENSION = 8;
    /** More than one block of records, so that damage in the second block leaves the first one usable. */
    private static final int IMAGES = VectorSnapshot.BLOCK + 40;

    @TempDir
    Path dataDir;

    private EngineUnderTest engine;
    private JdbcDatabase database;
    private JdbcImageStore images;
    private JdbcVectorStore vectors;
    private Path snapshots;
    private final Map<Long, float[]> stored = new LinkedHashMap<>();

    @BeforeEach
    void open() throws Exception {
        database = (engine = EngineUnderTest.start(kind, dataDir, postgres)).database();
        new JdbcAccountStore(database).createUser("alice", "h", List.of());
        images = new JdbcImageStore(database);
        snapshots = dataDir.resolve("vectors");
        vectors = new JdbcVectorStore(database, snapshots);
        for (int i = 0; i < IMAGES; i++) {
            long id = add("image " + i, i % 3 == 0 ? Visibility.PRIVATE : Visibility.PUBLIC);
            float[] vector = vectorOf(i);
            vectors.put(id, MODEL, vector);
            stored.put(id, vector);
        }
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
    }

    private long add(String name, Visibility visibility) {
        String sha = TestHashes.sha256(name);
        Image image = new Image(0, name, "", List.of("t" + name.length()), BigDecimal.ONE, 1, "alice", visibility, 10,
                10, "png", 1, sha, Instant.EPOCH);
        return images.insert(new ImageRecord(image, sha, null, null)).image().id();
    }

    private static float[] vectorOf(int seed) {
        float[] vector = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] = (float) Math.sin(seed * 31 + i);
        }
        return vector;
    }

    private Map<Long, VectorStore.Entry> load() {
        Map<Long, VectorStore.Entry> entries = new LinkedHashMap<>();
        vectors.forEach(MODEL, entry -> entries.put(entry.imageId(), entry));
        return entries;
    }

    private void assertLoadsWhatDerbyHolds() {
        Map<Long, VectorStore.Entry> loaded = load();
        assertEquals(stored.keySet(), loaded.keySet());
        stored.forEach((id, vector) -> assertArrayEquals(vector, loaded.get(id).vector(), "image #" + id));
    }

    private Path snapshot() {
        return VectorSnapshot.file(snapshots, MODEL);
    }

    @Test
    void aLoadWritesTheSnapshotAndTheNextLoadTakesItsVectors() throws IOException {
        assertFalse(Files.exists(snapshot()));
        Map<Long, VectorStore.Entry> fromDerby = load();
        assertTrue(Files.exists(snapshot()));
        long size = Files.size(snapshot());
        Map<Long, VectorStore.Entry> fromSnapshot = load();

        assertEquals(fromDerby.keySet(), fromSnapshot.keySet());
        for (long id : fromDerby.keySet()) {
            VectorStore.Entry a = fromDerby.get(id);
            VectorStore.Entry b = fromSnapshot.get(id);
            assertArrayEquals(a.vector(), b.vector());
            assertEquals(a.owner(), b.owner());
            assertEquals(a.isPublic(), b.isPublic());
            assertEquals(a.tags(), b.tags());
        }
        assertEquals(size, Files.size(snapshot()), "an unchanged snapshot stays as it is");
        assertTrue(load().values().stream().anyMatch(entry -> !entry.isPublic()));
    }

    @Test
    void theSnapshotIsReallyRead() throws IOException {
        load();
        long first = stored.keySet().iterator().next();
        float[] planted = new float[DIMENSION];
        planted[0] = 42;
        rewriteSnapshot(first, planted, VectorSnapshot.contentPrefix(TestHashes.sha256("image 0")));

        assertArrayEquals(planted, load().get(first).vector(), "a record matching id and content is taken as it is");
    }

    @Test
    void aRecordOfOtherContentUnderTheSameIdIsNotTaken() throws IOException {
        load();
        long first = stored.keySet().iterator().next();
        rewriteSnapshot(first, new float[DIMENSION], VectorSnapshot.contentPrefix(TestHashes.sha256("other")));

        assertLoadsWhatDerbyHolds();
        assertArrayEquals(stored.get(first), load().get(first).vector(), "the rewritten snapshot is right too");
    }

    @Test
    void newAndDeletedImagesAfterTheSnapshotComeFromTheDatabase() {
        load();
        long gone = stored.keySet().iterator().next();
        images.delete(gone);
        stored.remove(gone);
        long added = add("new image", Visibility.PUBLIC);
        vectors.put(added, MODEL, vectorOf(-1));
        stored.put(added, vectorOf(-1));

        assertLoadsWhatDerbyHolds();
        assertLoadsWhatDerbyHolds();
    }

    @Test
    void aReplacedVectorOutdatesTheSnapshot() {
        load();
        long first = stored.keySet().iterator().next();
        float[] replacement = vectorOf(1000);
        vectors.put(first, MODEL, replacement);
        stored.put(first, replacement);

        assertFalse(Files.exists(snapshot()));
        assertLoadsWhatDerbyHolds();
        assertTrue(Files.exists(snapshot()));
        assertLoadsWhatDerbyHolds();
    }

    @Test
    void aDamagedOrTruncatedSnapshotCostsOnlyTime() throws IOException {
        load();
        long size = Files.size(snapshot());
        try (FileChannel file = FileChannel.open(snapshot(), StandardOpenOption.WRITE)) {
            file.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), size - 100); // inside the second block
        }
        assertLoadsWhatDerbyHolds();
        assertLoadsWhatDerbyHolds();

        try (FileChannel file = FileChannel.open(snapshot(), StandardOpenOption.WRITE)) {
            file.truncate(size / 3);
        }
        assertLoadsWhatDerbyHolds();

        Files.write(snapshot(), new byte[] {'n', 'o', 'p', 'e'});
        assertLoadsWhatDerbyHolds();

        Files.write(snapshot(), new byte[0]);
        assertLoadsWhatDerbyHolds();
        assertTrue(Files.size(snapshot()) > size / 2, "rewritten whole");
    }

    @Test
    void anotherEmbeddersSnapshotIsNeverReadAndGoesWithItsVectors() throws IOException {
        load();
        Path other = VectorSnapshot.file(snapshots, "onnx:other@2");
        Files.copy(snapshot(), other);
        assertEquals(List.of(), listOf("onnx:other@2"), "a file under another name says which embedder wrote it");

        vectors.deleteOthers(MODEL);
        assertFalse(Files.exists(other));
        assertTrue(Files.exists(snapshot()));
        assertLoadsWhatDerbyHolds();
    }

    @Test
    void aSinkThatFailsFailsTheLoadAndTheNextLoadWorks() {
        for (int round = 0; round < 2; round++) { // from the database, then from the snapshot
            int[] taken = { 0 };
            RuntimeException failure = assertThrows(RuntimeException.class, () -> vectors.forEach(MODEL, entry -> {
                if (++taken[0] == 100) {
                    throw new IllegalStateException("index full");
                }
            }));
            assertTrue(String.valueOf(failure).contains("index full"), String.valueOf(failure));
            assertEquals(100, taken[0], "no entry is handed over after the failure");
            assertLoadsWhatDerbyHolds();
        }
    }

    private List<VectorStore.Entry> listOf(String embedder) {
        List<VectorStore.Entry> entries = new java.util.ArrayList<>();
        vectors.forEach(embedder, entries::add);
        return entries;
    }

    /** Writes the snapshot again with one record changed, as a snapshot of another time could hold it. */
    private void rewriteSnapshot(long id, float[] vector, long contentPrefix) throws IOException {
        Map<Long, VectorSnapshot.Vector> records = new LinkedHashMap<>();
        try (VectorSnapshot.Reader reader = VectorSnapshot.Reader.open(snapshot(), MODEL).orElseThrow()) {
            for (VectorSnapshot.Vector next = reader.next(); next != null; next = reader.next()) {
                records.put(next.imageId(), next);
            }
            assertFalse(reader.damaged());
        }
        assertEquals(IMAGES, records.size());
        records.put(id, new VectorSnapshot.Vector(id, contentPrefix, vector));
        try (VectorSnapshot.Writer writer = new VectorSnapshot.Writer(snapshot(), MODEL, DIMENSION)) {
            for (VectorSnapshot.Vector record : records.values()) {
                writer.add(record.imageId(), record.contentPrefix(), record.vector());
            }
            writer.commit();
        }
    }
}
