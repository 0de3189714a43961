package org.gallerist.client.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.client.core.gallery.Images;
import org.junit.jupiter.api.Test;

class SimilarSearchTest {

    @Test
    void showsTheHitsOfTheLatestSearchOnly() {
        SimilarSearch search = new SimilarSearch();
        assertEquals("Choose or drop an image to find similar ones.", search.summary());
        SimilarSearch.Request old = search.start("a.jpg");
        SimilarSearch.Request latest = search.start("#3 Image 3");
        assertEquals("Searching for images like #3 Image 3\u2026", search.summary());
        assertFalse(search.accept(old, List.of(new SimilarImage(Images.image(1, "a"), 0.5))));
        assertTrue(search.accept(latest, List.of(new SimilarImage(Images.image(2, "a"), 0.9),
                new SimilarImage(Images.image(4, "a"), 0.7))));
        assertEquals(2, search.hits().size());
        assertEquals("2 images like #3 Image 3", search.summary());
    }

    @Test
    void anOlderServerOrOneWithoutAModelSwitchesSimilarityOffWithAReason() {
        SimilarSearch search = new SimilarSearch();
        search.statusFailed(new GalleristException(ErrorCode.UNKNOWN_COMMAND, "Unknown command: images similar"));
        assertFalse(search.isAvailable());
        assertEquals("This server is older and cannot search by similarity.", search.summary());

        search.status(new SimilarityService.Status("none", 0, 0, 5, false));
        assertTrue(search.unavailable().orElseThrow().contains("no image model"));

        search.status(new SimilarityService.Status("builtin", 64, 5, 5, false));
        assertTrue(search.isAvailable());
        SimilarSearch.Request request = search.start("x.png");
        search.fail(request, new GalleristException(ErrorCode.NOT_AN_IMAGE, "That file is not an image."));
        assertTrue(search.isAvailable(), "a bad file says nothing about the server");
        assertEquals("That file is not an image.", search.summary());
    }
}
