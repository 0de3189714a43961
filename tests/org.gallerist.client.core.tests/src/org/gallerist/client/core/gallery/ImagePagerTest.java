package org.gallerist.client.core.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.Page;
import org.junit.jupiter.api.Test;

class ImagePagerTest {

    /** A repository of {@code count} images, newest (highest id) first, paged by the id after the cursor. */
    private static Page<Image> list(int count, ImageQuery query) {
        long start = query.after() == null ? count : Long.parseLong(query.after()) - 1;
        List<Image> items = new ArrayList<>();
        for (long id = start; id >= 1 && items.size() < query.limit(); id--) {
            items.add(Images.image(id, "alice"));
        }
        long last = items.isEmpty() ? 0 : items.get(items.size() - 1).id();
        return new Page<>(items, last > 1 ? Long.toString(last) : null);
    }

    private static ImageQuery batchesOf(int size) {
        return new ImageQuery(List.of(), false, "", false, size, null);
    }

    @Test
    void loadsBatchByBatchWithTheCursorUntilNothingRemains() {
        ImagePager pager = new ImagePager();
        ImagePager.Request first = pager.restart(batchesOf(3));
        assertNull(first.query().after());
        assertTrue(pager.isLoading());
        assertEquals("Loading\u2026", pager.summary());
        assertTrue(pager.accept(first, list(7, first.query())));
        assertEquals(3, pager.loadedCount());
        assertTrue(pager.hasMore());
        assertEquals("3 images loaded, more available", pager.summary());

        ImagePager.Request second = pager.next().orElseThrow();
        assertEquals("5", second.query().after());
        pager.accept(second, list(7, second.query()));
        ImagePager.Request third = pager.next().orElseThrow();
        pager.accept(third, list(7, third.query()));

        assertEquals(7, pager.loadedCount());
        assertFalse(pager.hasMore());
        assertTrue(pager.next().isEmpty(), "nothing more to ask for");
        assertEquals(List.of(7L, 6L, 5L, 4L, 3L, 2L, 1L), pager.items().stream().map(Image::id).toList());
        assertEquals("7 images loaded", pager.summary());
    }

    @Test
    void onlyOneRequestIsInFlight() {
        ImagePager pager = new ImagePager();
        assertTrue(pager.next().isEmpty(), "nothing before the first query");
        ImagePager.Request first = pager.restart(batchesOf(2));
        assertTrue(pager.next().isEmpty(), "the first batch is still on its way");
        pager.accept(first, list(5, first.query()));
        ImagePager.Request second = pager.next().orElseThrow();
        assertTrue(pager.next().isEmpty(), "scrolling to the end twice asks once");
        assertTrue(pager.accept(second, list(5, second.query())));
        assertEquals(4, pager.loadedCount());
    }

    @Test
    void answersToAnOlderQueryAreDropped() {
        ImagePager pager = new ImagePager();
        ImagePager.Request all = pager.restart(batchesOf(3));
        ImagePager.Request tagged = pager.restart(new ImageQuery(List.of("cats"), false, "", false, 3, null));
        assertFalse(pager.accept(all, list(9, all.query())), "the answer for the old query comes late");
        assertFalse(pager.fail(all, "late failure"));
        assertEquals(0, pager.loadedCount());
        assertTrue(pager.isLoading());
        assertTrue(pager.accept(tagged, new Page<>(List.of(Images.image(4, "bob", "cats")), null)));
        assertEquals(1, pager.loadedCount());
        assertEquals("1 image loaded", pager.summary());
        assertEquals(List.of("cats"), pager.query().orElseThrow().tags());
    }

    @Test
    void aFailureIsReadableAndTheSameBatchCanBeAskedForAgain() {
        ImagePager pager = new ImagePager();
        ImagePager.Request first = pager.restart(batchesOf(2));
        assertTrue(pager.fail(first, "Cannot reach the server."));
        assertEquals("Cannot reach the server.", pager.error().orElseThrow());
        assertFalse(pager.isLoading());
        ImagePager.Request again = pager.next().orElseThrow();
        assertNull(again.query().after(), "the first batch once more");
        assertTrue(pager.error().isEmpty());
        pager.accept(again, list(3, again.query()));
        ImagePager.Request second = pager.next().orElseThrow();
        pager.fail(second, "Cannot reach the server.");
        assertEquals(second.query().after(), pager.next().orElseThrow().query().after(), "the same cursor again");
        assertEquals(2, pager.loadedCount());
    }

    @Test
    void emptyResultsSayNoImagesAndEditsAreReflectedWithoutReloading() {
        ImagePager pager = new ImagePager();
        int[] changes = { 0 };
        pager.addListener(() -> changes[0]++);
        ImagePager.Request none = pager.restart(batchesOf(5));
        pager.accept(none, new Page<>(List.of(), null));
        assertEquals("No images", pager.summary());

        ImagePager.Request first = pager.restart(batchesOf(5));
        pager.accept(first, list(3, first.query()));
        Image renamed = new Image(2, "Renamed", "", List.of(), Images.image(2, "alice").price(), 1, "alice",
                Images.image(2, "alice").visibility(), 1, 1, "png", 1, "x", Images.image(2, "alice").created());
        pager.replace(renamed);
        assertEquals("Renamed", pager.items().get(1).name());
        pager.remove(List.of(3L));
        assertEquals(List.of(2L, 1L), pager.items().stream().map(Image::id).toList());
        assertEquals(6, changes[0]);
    }

    @Test
    void aRefreshAsksForAsManyAsWereLoadedAndThenGoesOnInBatches() {
        ImagePager pager = new ImagePager();
        assertTrue(pager.refresh().isEmpty(), "nothing to refresh before the first query");
        ImagePager.Request first = pager.restart(batchesOf(3));
        pager.accept(first, list(10, first.query()));
        ImagePager.Request second = pager.next().orElseThrow();
        pager.accept(second, list(10, second.query()));

        ImagePager.Request refresh = pager.refresh().orElseThrow();
        assertEquals(6, refresh.query().limit(), "the six loaded images in one request");
        assertNull(refresh.query().after());
        assertEquals(0, pager.loadedCount());
        assertFalse(pager.accept(second, list(10, second.query())), "an answer from before the refresh is stale");
        pager.accept(refresh, list(10, refresh.query()));
        assertEquals(6, pager.loadedCount());
        assertEquals(3, pager.next().orElseThrow().query().limit(), "then batches of three again");
    }
}
