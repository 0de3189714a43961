package org.gallerist.storage.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.TagCount;
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

@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = { EngineUnderTest.DERBY, EngineUnderTest.POSTGRESQL })
class JdbcImageStoreTest {

    @Parameter
    String kind;

    @RegisterExtension
    final SharedPostgres postgres = new SharedPostgres();

    @TempDir
    Path dataDir;

    private EngineUnderTest engine;
    private JdbcDatabase database;
    private JdbcImageStore store;
    /** A clock that ticks 0 or 1 ms per read, so several images share a creation time (the keyset must cope). */
    private final AtomicLong ticks = new AtomicLong();

    @BeforeEach
    void open() throws Exception {
        database = (engine = EngineUnderTest.start(kind, dataDir, postgres)).database();
        JdbcAccountStore accounts = new JdbcAccountStore(database);
        accounts.createUser("admin", "h", List.of());
        accounts.createUser("alice", "h", List.of());
        accounts.createUser("bob", "h", List.of());
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(1_700_000_000_000L + ticks.getAndIncrement() / 2);
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        store = new JdbcImageStore(database, clock);
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
    }

    private ImageRecord add(String owner, String name, String description, Visibility visibility, String... tags) {
        return addContent(owner, name, description, visibility, owner + "/" + name, tags);
    }

    private ImageRecord addContent(String owner, String name, String description, Visibility visibility,
            String content, String... tags) {
        String sha = TestHashes.sha256(content);
        Image image = new Image(0, name, description, List.of(tags), new BigDecimal("9.50"), 3, owner, visibility,
                640, 480, "png", 1234, sha, Instant.EPOCH);
        return store.insert(new ImageRecord(image, sha, TestHashes.sha256("thumb:" + content), TestHashes.sha256("preview:" + content)));
    }

    private static ImageFilter filter(String viewer, boolean admin, List<String> tags, boolean any, List<String> words,
            boolean mine) {
        return new ImageFilter(viewer, admin, tags, any, words, mine, 200, null, null);
    }

    private List<String> names(ImageFilter filter) {
        return store.list(filter).stream().map(Image::name).toList();
    }

    @Test
    void insertAssignsIdAndCreatedAndReadsBackEverything() {
        ImageRecord record = add("alice", "Sunset", "Over the sea", Visibility.PUBLIC, "sea", "sky", "sea");
        Image image = record.image();
        assertTrue(image.id() > 0);
        assertTrue(image.created().isAfter(Instant.EPOCH));
        assertEquals(List.of("sea", "sky"), image.tags());
        assertEquals(new BigDecimal("9.50"), image.price());
        assertEquals("alice", image.owner());
        assertEquals(record, store.find(image.id()).orElseThrow());
        assertEquals(TestHashes.sha256("alice/Sunset"), record.originalKey());
        assertTrue(store.find(image.id() + 1000).isEmpty());
    }

    @Test
    void theCatalogueCountsItsImagesAndTags() {
        assertEquals(new ImageStore.Counts(0, 0), store.counts());
        add("alice", "Sea", "", Visibility.PUBLIC, "sea", "blue");
        add("bob", "Sky", "", Visibility.PRIVATE, "blue");
        assertEquals(new ImageStore.Counts(2, 2), store.counts());
    }

    @Test
    void usageCountsAnOwnersImagesAndTheirBytes() {
        assertEquals(new ImageStore.Usage(0, 0), store.usage("alice"));
        assertEquals(new ImageStore.Usage(0, 0), store.usage("nobody"));
        add("alice", "one", "", Visibility.PUBLIC);
        long two = add("alice", "two", "", Visibility.PRIVATE).image().id();
        add("bob", "three", "", Visibility.PUBLIC);
        assertEquals(new ImageStore.Usage(2, 2 * 1234), store.usage("alice"));
        store.delete(two);
        assertEquals(new ImageStore.Usage(1, 1234), store.usage("alice"));
        assertEquals(new ImageStore.Usage(1, 1234), store.usage("bob"));
    }

    @Test
    void listsNewestFirstWithAllOrAnyTags() {
        add("alice", "cat", "", Visibility.PUBLIC, "cats");
        add("alice", "cat and dog", "", Visibility.PUBLIC, "cats", "dogs");
        add("alice", "dog", "", Visibility.PUBLIC, "dogs");
        add("alice", "bird", "", Visibility.PUBLIC);

        assertEquals(List.of("bird", "dog", "cat and dog", "cat"),
                names(filter("bob", false, List.of(), false, List.of(), false)));
        assertEquals(List.of("cat and dog", "cat"), names(filter("bob", false, List.of("cats"), false, List.of(), false)));
        assertEquals(List.of("cat and dog"),
                names(filter("bob", false, List.of("cats", "dogs"), false, List.of(), false)));
        assertEquals(List.of("dog", "cat and dog", "cat"),
                names(filter("bob", false, List.of("cats", "dogs"), true, List.of(), false)));
        assertEquals(List.of(), names(filter("bob", false, List.of("cats", "nosuchtag"), false, List.of(), false)));
        assertEquals(List.of("cat and dog", "cat"),
                names(filter("bob", false, List.of("cats", "nosuchtag"), true, List.of(), false)));
    }

    @Test
    void textSearchNeedsEveryWordInNameOrDescriptionIgnoringCase() {
        add("alice", "Red Sunset", "over the SEA", Visibility.PUBLIC, "sky");
        add("alice", "Blue sea", "calm morning", Visibility.PUBLIC);
        add("alice", "100% cotton", "a_b", Visibility.PUBLIC);

        assertEquals(List.of("Blue sea", "Red Sunset"), names(filter("bob", false, List.of(), false, List.of("sea"), false)));
        assertEquals(List.of("Red Sunset"),
                names(filter("bob", false, List.of(), false, List.of("sunset", "sea"), false)));
        assertEquals(List.of(), names(filter("bob", false, List.of(), false, List.of("sunset", "morning"), false)));
        assertEquals(List.of("Red Sunset"), names(filter("bob", false, List.of("sky"), false, List.of("sea"), false)));
        // LIKE wildcards in a word are literal
        assertEquals(List.of("100% cotton"), names(filter("bob", false, List.of(), false, List.of("0%"), false)));
        assertEquals(List.of("100% cotton"), names(filter("bob", false, List.of(), false, List.of("%"), false)));
        assertEquals(List.of("100% cotton"), names(filter("bob", false, List.of(), false, List.of("a_b"), false)));
        // unescaped, "a_" would also match "sea calm"
        assertEquals(List.of("100% cotton"), names(filter("bob", false, List.of(), false, List.of("a_"), false)));
        // the name and description are searched as one text with a space between: no word spans the two
        assertEquals(List.of(), names(filter("bob", false, List.of(), false, List.of("seaover"), false)));
    }

    @Test
    void visibilityAndOwnerOnly() {
        add("alice", "alice public", "", Visibility.PUBLIC, "t");
        add("alice", "alice private", "", Visibility.PRIVATE, "t", "secret");
        add("bob", "bob public", "", Visibility.PUBLIC, "t");
        add("bob", "bob private", "", Visibility.PRIVATE, "t");

        assertEquals(List.of("bob private", "bob public", "alice public"),
                names(filter("bob", false, List.of(), false, List.of(), false)));
        assertEquals(List.of("bob public", "alice private", "alice public"),
                names(filter("alice", false, List.of(), false, List.of(), false)));
        assertEquals(List.of("bob private", "bob public", "alice private", "alice public"),
                names(filter("admin", true, List.of(), false, List.of(), false)));
        assertEquals(List.of("alice private", "alice public"),
                names(filter("alice", false, List.of(), false, List.of(), true)));
        assertEquals(List.of(), names(filter("admin", true, List.of(), false, List.of(), true)));
        assertEquals(List.of(), names(filter("bob", false, List.of("secret"), false, List.of(), false)));
        assertEquals(List.of(), names(filter("bob", false, List.of(), false, List.of("private"), false)).stream()
                .filter(name -> name.startsWith("alice")).toList());

        assertEquals(List.of(new TagCount("t", 3)), store.tags("bob", false));
        assertEquals(List.of(new TagCount("secret", 1), new TagCount("t", 3)), store.tags("alice", false));
        assertEquals(List.of(new TagCount("secret", 1), new TagCount("t", 4)), store.tags("admin", true));
    }

    @Test
    void pagingWalkNeverRepeatsOrSkipsAnImagePresentThroughout() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(add(i % 2 == 0 ? "alice" : "bob", "img" + i, "", Visibility.PUBLIC).image().id());
        }
        // deleted while the walk runs: these need not be seen; everything else must be seen exactly once
        Set<Long> deleted = new HashSet<>(List.of(ids.get(3), ids.get(17), ids.get(30), ids.get(38)));
        Set<Long> present = new LinkedHashSet<>(ids);
        present.removeAll(deleted);

        List<Long> seen = new ArrayList<>();
        Long afterCreated = null;
        Long afterId = null;
        int page = 0;
        int added = 0;
        while (true) {
            List<Image> batch = store.list(new ImageFilter("alice", false, List.of(), false, List.of(), false, 7,
                    afterCreated, afterId));
            batch.forEach(image -> seen.add(image.id()));
            // between pages: others upload (newer and so before the cursor) and delete
            add("bob", "new" + page, "", Visibility.PUBLIC);
            added++;
            if (page < 4) {
                store.delete(List.copyOf(deleted).get(page));
            }
            page++;
            if (batch.size() < 7) {
                break;
            }
            Image last = batch.get(batch.size() - 1);
            afterCreated = last.created().toEpochMilli();
            afterId = last.id();
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no image is listed twice: " + seen);
        assertTrue(seen.containsAll(present), "no image present throughout is skipped");
        assertTrue(added > 5);
        // the shared-millisecond clock really produced ties that the id broke
        List<Image> all = store.list(filter("admin", true, List.of(), false, List.of(), false));
        assertTrue(all.stream().map(Image::created).distinct().count() < all.size());
    }

    @Test
    void theSameBytesTwiceFromOneOwnerIsADuplicateNamingTheFirst() {
        long first = addContent("alice", "one", "", Visibility.PUBLIC, "same bytes").image().id();
        GalleristException e = assertThrows(GalleristException.class,
                () -> addContent("alice", "two", "", Visibility.PRIVATE, "same bytes"));
        assertEquals(ErrorCode.DUPLICATE, e.code());
        assertEquals("You already uploaded this image as #" + first + ".", e.getMessage());
        assertEquals(first, store.findByContent("alice", TestHashes.sha256("same bytes")).orElseThrow());
        assertTrue(store.findByContent("bob", TestHashes.sha256("same bytes")).isEmpty());
        assertTrue(store.findByContent("nobody", TestHashes.sha256("same bytes")).isEmpty());

        long bobs = addContent("bob", "mine too", "", Visibility.PUBLIC, "same bytes").image().id();
        assertTrue(bobs != first);
        assertEquals(2, store.list(filter("admin", true, List.of(), false, List.of(), false)).size());
    }

    @Test
    void concurrentUploadsOfTheSameBytesByOneOwnerStoreOneRow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String name = "try" + i;
                results.add(pool.submit(() -> {
                    try {
                        return addContent("alice", name, "", Visibility.PUBLIC, "racing bytes", "race").image().id();
                    } catch (GalleristException e) {
                        assertEquals(ErrorCode.DUPLICATE, e.code(), e.getMessage());
                        return -1L;
                    }
                }));
            }
            long winners = 0;
            for (Future<Long> result : results) {
                winners += result.get(60, TimeUnit.SECONDS) > 0 ? 1 : 0;
            }
            assertEquals(1, winners);
            assertEquals(List.of(new TagCount("race", 1)), store.tags("alice", false));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentFirstUsesOfATagCreateItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ImageRecord>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "img" + i;
                results.add(pool.submit(() -> add("alice", name, "", Visibility.PUBLIC, "brand new", "common")));
            }
            for (Future<ImageRecord> result : results) {
                assertEquals(List.of("brand new", "common"), result.get(60, TimeUnit.SECONDS).image().tags());
            }
            assertEquals(List.of(new TagCount("brand new", 8), new TagCount("common", 8)), store.tags("bob", false));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void updateChangesOnlyGivenFieldsAndDropsUnusedTags() {
        long id = add("alice", "old", "desc", Visibility.PUBLIC, "a", "b").image().id();
        add("alice", "other", "", Visibility.PUBLIC, "b");

        Image updated = store.update(id, new ImageChanges("new", null, List.of("b", "c"), new BigDecimal("1.00"), 0,
                Visibility.PRIVATE));
        assertEquals("new", updated.name());
        assertEquals("desc", updated.description());
        assertEquals(List.of("b", "c"), updated.tags());
        assertEquals(new BigDecimal("1.00"), updated.price());
        assertEquals(0, updated.quantity());
        assertEquals(Visibility.PRIVATE, updated.visibility());
        assertEquals(List.of(new TagCount("b", 2), new TagCount("c", 1)), store.tags("admin", true));
        assertEquals(List.of(new TagCount("b", 1)), store.tags("bob", false), "the private image's tags are hidden");

        Image same = store.update(id, new ImageChanges(null, "", null, null, null, null));
        assertEquals("", same.description());
        assertEquals(List.of("b", "c"), same.tags());

        assertEquals(ErrorCode.NOT_FOUND, assertThrows(GalleristException.class,
                () -> store.update(id + 100, new ImageChanges("x", null, null, null, null, null))).code());
        assertThrows(GalleristException.class,
                () -> store.update(id, new ImageChanges(null, null, null, null, -1, null)));
        assertEquals(0, store.find(id).orElseThrow().image().quantity(), "a failed update changes nothing");
    }

    @Test
    void renameMergeAndDeleteTags() {
        long a = add("alice", "a", "", Visibility.PUBLIC, "kitty").image().id();
        long b = add("alice", "b", "", Visibility.PUBLIC, "kitty", "cats").image().id();
        long c = add("alice", "c", "", Visibility.PUBLIC, "cats").image().id();

        assertEquals(0, store.renameTag("nosuch", "x"));
        assertEquals(2, store.renameTag("kitty", "cats")); // merge: b carries both and keeps one
        assertEquals(List.of(new TagCount("cats", 3)), store.tags("bob", false));
        assertEquals(List.of("cats"), store.find(b).orElseThrow().image().tags());

        assertEquals(3, store.renameTag("cats", "felines")); // plain rename
        assertEquals(List.of(new TagCount("felines", 3)), store.tags("bob", false));
        assertEquals(List.of("felines"), store.find(a).orElseThrow().image().tags());

        assertEquals(3, store.deleteTag("felines"));
        assertEquals(List.of(), store.tags("admin", true));
        assertEquals(List.of(), store.find(c).orElseThrow().image().tags());
        assertEquals(0, store.deleteTag("felines"));
        // a deleted tag can be used again
        store.update(c, new ImageChanges(null, null, List.of("felines"), null, null, null));
        assertEquals(List.of(new TagCount("felines", 1)), store.tags("bob", false));
    }

    @Test
    void deleteReturnsOnlyKeysNoOtherRowRefersTo() {
        ImageRecord alices = addContent("alice", "shared", "", Visibility.PUBLIC, "shared bytes", "x");
        ImageRecord bobs = addContent("bob", "shared", "", Visibility.PUBLIC, "shared bytes", "x");
        ImageRecord lonely = addContent("bob", "lonely", "", Visibility.PUBLIC, "lonely bytes", "y");

        assertEquals(Set.of(alices.originalKey(), alices.thumbKey(), alices.previewKey(), lonely.originalKey(),
                lonely.thumbKey(), lonely.previewKey()), store.referencedKeys());

        assertEquals(List.of(), store.delete(alices.image().id()), "bob's row still uses the same files");
        assertEquals(List.of(new TagCount("x", 1), new TagCount("y", 1)), store.tags("admin", true));
        assertEquals(List.of(bobs.originalKey(), bobs.thumbKey(), bobs.previewKey()), store.delete(bobs.image().id()));
        assertEquals(List.of(new TagCount("y", 1)), store.tags("admin", true), "unused tags are gone");
        assertEquals(Set.of(lonely.originalKey(), lonely.thumbKey(), lonely.previewKey()), store.referencedKeys());
        assertTrue(store.find(alices.image().id()).isEmpty());
        assertEquals(ErrorCode.NOT_FOUND,
                assertThrows(GalleristException.class, () -> store.delete(alices.image().id())).code());
        assertFalse(store.referencedKeys().contains(alices.originalKey()));
    }

    @Test
    void anImageOfAnUnknownOwnerIsNotStored() {
        assertEquals(ErrorCode.NOT_FOUND,
                assertThrows(GalleristException.class, () -> add("nobody", "x", "", Visibility.PUBLIC)).code());
        assertTrue(store.referencedKeys().isEmpty());
    }
}
