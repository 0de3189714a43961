package org.gallerist.storage.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.Visibility;
import org.gallerist.spi.storage.ImageFilter;
import org.gallerist.spi.storage.ImageRecord;
import org.gallerist.spi.storage.ImageStore;
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

/** Text search over what the image model saw: below name, description and tag matches, paged across the ranks. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = { EngineUnderTest.DERBY, EngineUnderTest.POSTGRESQL })
class JdbcLabelSearchTest {

    @Parameter
    String kind;

    @RegisterExtension
    final SharedPostgres postgres = new SharedPostgres();

    @TempDir
    Path dataDir;

    private EngineUnderTest engine;
    private JdbcDatabase database;
    private JdbcImageStore store;
    private JdbcVectorStore vectors;
    private long millis = 1_700_000_000_000L;

    @BeforeEach
    void open() throws Exception {
        database = (engine = EngineUnderTest.start(kind, dataDir, postgres)).database();
        new JdbcAccountStore(database).createUser("alice", "h", List.of());
        vectors = new JdbcVectorStore(database, dataDir.resolve("vectors"));
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
    }

    private long add(String name, String description, List<String> tags, String... labels) {
        store = new JdbcImageStore(database, Clock.fixed(Instant.ofEpochMilli(millis++), ZoneOffset.UTC));
        Image image = new Image(0, name, description, tags, BigDecimal.ONE, 1, "alice", Visibility.PUBLIC, 10, 10, "png",
                1, TestHashes.sha256(name), Instant.EPOCH);
        String key = TestHashes.sha256(name);
        long id = store.insert(new ImageRecord(image, key, TestHashes.sha256("thumb:" + name),
                TestHashes.sha256("preview:" + name))).image().id();
        vectors.put(id, "onnx:test", new float[] { 1, 0 }, List.of(labels));
        return id;
    }

    private static ImageFilter words(int limit, Long afterCreated, Long afterId, int afterRank, String... words) {
        return new ImageFilter("alice", false, List.of(), false, List.of(words), false, limit, afterCreated, afterId,
                afterRank);
    }

    @Test
    void labelMatchesComeAfterNameDescriptionAndTagMatchesAndPageAcrossTheRanks() {
        long seenCat = add("Sofa", "", List.of(), "tabby, tabby cat", "tiger cat");
        long namedCat = add("Cat on a roof", "", List.of());
        long taggedCat = add("Roof", "", List.of("cats"));
        long describedCat = add("Garden", "a cat in the grass", List.of());
        add("Rocket", "", List.of(), "missile", "space shuttle");
        long newerSeenCat = add("Window", "", List.of(), "Egyptian cat");

        List<ImageStore.Listed> all = store.ranked(words(10, null, null, 0, "cat"));
        assertEquals(List.of(describedCat, taggedCat, namedCat, newerSeenCat, seenCat),
                all.stream().map(listed -> listed.image().id()).toList(), "direct matches newest first, then labels");
        assertEquals(List.of(0, 0, 0, 1, 1), all.stream().map(ImageStore.Listed::rank).toList());

        List<Long> paged = new ArrayList<>();
        ImageFilter page = words(2, null, null, 0, "cat");
        while (true) {
            List<ImageStore.Listed> found = store.ranked(page);
            found.forEach(listed -> paged.add(listed.image().id()));
            if (found.size() < 2) {
                break;
            }
            ImageStore.Listed last = found.get(found.size() - 1);
            page = words(2, last.image().created().toEpochMilli(), last.image().id(), last.rank(), "cat");
        }
        assertEquals(all.stream().map(listed -> listed.image().id()).toList(), paged, "pages of two, across ranks");

        assertEquals(List.of(newerSeenCat), store.ranked(words(10, null, null, 0, "egyptian", "cat")).stream()
                .map(listed -> listed.image().id()).toList(), "every word must match, in labels too");
        assertEquals(List.of("tabby, tabby cat", "tiger cat"), vectors.labels(seenCat, "onnx:test"));
        assertEquals(List.of(), vectors.labels(seenCat, "descriptor:v1"));
    }
}
