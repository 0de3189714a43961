package org.gallerist.storage.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = { EngineUnderTest.DERBY, EngineUnderTest.POSTGRESQL })
class JdbcVectorStoreTest {

    @Parameter
    String kind;

    @RegisterExtension
    final SharedPostgres postgres = new SharedPostgres();

    @TempDir
    Path dataDir;

    private EngineUnderTest engine;
    private JdbcDatabase database;
    private JdbcImageStore images;
    private JdbcVectorStore vectors;

    @BeforeEach
    void open() throws Exception {
        database = (engine = EngineUnderTest.start(kind, dataDir, postgres)).database();
        new JdbcAccountStore(database).createUser("alice", "h", List.of());
        images = new JdbcImageStore(database);
        vectors = new JdbcVectorStore(database, dataDir.resolve("vectors"));
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
    }

    private long add(String name, Visibility visibility, String... tags) {
        String sha = TestHashes.sha256(name);
        Image image = new Image(0, name, "", List.of(tags), BigDecimal.ONE, 1, "alice", visibility, 10, 10, "png", 1,
                sha, Instant.EPOCH);
        return images.insert(new ImageRecord(image, sha, null, null)).image().id();
    }

    private List<VectorStore.Entry> all(String embedder) {
        List<VectorStore.Entry> entries = new ArrayList<>();
        vectors.forEach(embedder, entries::add);
        return entries;
    }

    @Test
    void vectorsRoundTripWithWhatTheIndexNeedsToFilter() {
        long sea = add("sea", Visibility.PUBLIC, "blue", "water");
        long secret = add("secret", Visibility.PRIVATE);
        float[] v = {0.6f, -0.8f, Float.MIN_VALUE, 1e-7f};
        vectors.put(sea, "m1", v);
        vectors.put(secret, "m1", new float[] {1, 0, 0, 0});

        List<VectorStore.Entry> entries = all("m1");
        assertEquals(2, entries.size());
        VectorStore.Entry first = entries.get(0);
        assertEquals(sea, first.imageId());
        assertEquals("alice", first.owner());
        assertTrue(first.isPublic());
        assertEquals(List.of("blue", "water"), first.tags());
        assertArrayEquals(v, first.vector());
        assertFalse(entries.get(1).isPublic());
        assertEquals(List.of(), all("other model"));
    }

    @Test
    void putReplacesMissingListsGapsAndOldModelsCanBeDropped() {
        long a = add("a", Visibility.PUBLIC);
        long b = add("b", Visibility.PUBLIC);
        vectors.put(a, "old", new float[] {1, 0});
        vectors.put(b, "old", new float[] {0, 1});
        vectors.put(a, "new", new float[] {1, 1, 1});
        vectors.put(a, "new", new float[] {2, 2, 2});

        assertEquals(List.of(b), vectors.missing("new", 10));
        assertEquals(List.of(a, b), vectors.missing("never", 10));
        assertEquals(List.of(a), vectors.missing("never", 1));
        assertArrayEquals(new float[] {2, 2, 2}, all("new").get(0).vector());
        assertEquals(1, vectors.count("new"));

        vectors.put(b, "new", new float[] {0, 0, 1});
        assertEquals(2, vectors.deleteOthers("new"));
        assertEquals(0, vectors.count("old"));
        assertEquals(2, vectors.count("new"));
    }

    @Test
    void deletingAnImageDeletesItsVectorsAndAVectorForAGoneImageIsIgnored() {
        long a = add("a", Visibility.PUBLIC);
        vectors.put(a, "m", new float[] {1});
        images.delete(a);
        assertEquals(0, vectors.count("m"));
        vectors.put(a, "m", new float[] {1});
        assertEquals(0, vectors.count("m"));
    }
}
