package org.gallerist.storage.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.Visibility;
import org.gallerist.spi.storage.ImageRecord;
import org.gallerist.spi.storage.VectorStore;
import org.gallerist.tests.harness.SharedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * What a similarity index on another node learns of the writes here: each change of an image's vector, visibility,
 * tags or existence is reported once committed, and {@code entries} reads the image as it is now. The "other node" is
 * a second set of stores on the same database.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@OnEveryEngine
class ImageChangeFeedTest {

    private static final Duration WAIT = Duration.ofMillis(200);

    @Parameter
    String kind;

    @RegisterExtension
    final SharedPostgres postgres = new SharedPostgres();

    @TempDir
    Path dataDir;

    private EngineUnderTest engine;
    private JdbcImageStore images;
    private JdbcVectorStore vectors;
    private JdbcVectorStore otherNodesVectors;

    @BeforeEach
    void open() throws Exception {
        JdbcDatabase database = (engine = EngineUnderTest.start(kind, dataDir, postgres)).database();
        new JdbcAccountStore(database).createUser("alice", "h", List.of());
        images = new JdbcImageStore(database);
        vectors = new JdbcVectorStore(database, dataDir.resolve("vectors"));
        otherNodesVectors = new JdbcVectorStore(engine.database(), dataDir.resolve("other-vectors"));
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

    /** Everything the feed reports until it has nothing more. */
    private static Set<Long> drain(VectorStore.ChangeFeed feed) throws InterruptedException {
        Set<Long> changed = new HashSet<>();
        for (VectorStore.Changes changes = feed.next(WAIT); !changes.imageIds().isEmpty(); changes = feed.next(WAIT)) {
            assertFalse(changes.lostTrack());
            changed.addAll(changes.imageIds());
        }
        return changed;
    }

    @Test
    void aFeedReportsWhatWasWrittenAfterItStartedAndNothingBefore() throws Exception {
        long before = add("before", Visibility.PUBLIC);
        vectors.put(before, "m", new float[] {1, 0});
        long sea = add("sea", Visibility.PUBLIC, "blue");
        try (VectorStore.ChangeFeed feed = otherNodesVectors.follow()) {
            assertEquals(Set.of(), drain(feed));
            vectors.put(sea, "m", new float[] {0.6f, 0.8f});
            assertEquals(Set.of(sea), drain(feed));

            List<VectorStore.Entry> now = otherNodesVectors.entries("m", List.of(sea, before, 999_999L));
            assertEquals(2, now.size());
            VectorStore.Entry seaNow = now.stream().filter(entry -> entry.imageId() == sea).findFirst().orElseThrow();
            assertEquals("alice", seaNow.owner());
            assertEquals(List.of("blue"), seaNow.tags());
            assertArrayEquals(new float[] {0.6f, 0.8f}, seaNow.vector());
            assertEquals(List.of(), otherNodesVectors.entries("other model", List.of(sea)));
        }
    }

    @Test
    void visibilityTagsTagRenamesAndDeletionsAreReported() throws Exception {
        long a = add("a", Visibility.PUBLIC, "sky");
        long b = add("b", Visibility.PUBLIC, "sky", "sea");
        long c = add("c", Visibility.PUBLIC, "land");
        try (VectorStore.ChangeFeed feed = otherNodesVectors.follow()) {
            images.update(a, new ImageChanges(null, null, null, null, null, Visibility.PRIVATE, null, null));
            assertEquals(Set.of(a), drain(feed));
            images.update(c, new ImageChanges(null, null, List.of("land", "hill"), null, null, null, null, null));
            assertEquals(Set.of(c), drain(feed));
            images.update(c, new ImageChanges("renamed", "described", null, BigDecimal.TEN, 3, null, null, null));
            assertEquals(Set.of(), drain(feed), "a name, a price or a stock is nothing the index holds");

            images.renameTag("sky", "heaven");
            assertEquals(Set.of(a, b), drain(feed));
            images.deleteTag("sea");
            assertEquals(Set.of(b), drain(feed));
            images.delete(b);
            assertEquals(Set.of(b), drain(feed));
            assertEquals(List.of(), otherNodesVectors.entries("m", List.of(b)));
        }
    }

    @Test
    void aReplacedVectorIsReportedAndDropsTheOtherNodesSnapshot() throws Exception {
        long a = add("a", Visibility.PUBLIC);
        vectors.put(a, "m", new float[] {1, 0});
        otherNodesVectors.forEach("m", entry -> { }); // writes the other node's snapshot
        Path snapshot = VectorSnapshot.file(dataDir.resolve("other-vectors"), "m");
        assertTrue(Files.exists(snapshot));
        try (VectorStore.ChangeFeed feed = otherNodesVectors.follow()) {
            vectors.put(a, "m", new float[] {0, 1});
            assertEquals(Set.of(a), drain(feed));
            assertFalse(Files.exists(snapshot), "the snapshot holds the replaced vector");
            assertArrayEquals(new float[] {0, 1}, otherNodesVectors.entries("m", List.of(a)).get(0).vector());
        }
    }
}
