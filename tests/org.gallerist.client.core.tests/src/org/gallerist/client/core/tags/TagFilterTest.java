package org.gallerist.client.core.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.TagCount;
import org.junit.jupiter.api.Test;

class TagFilterTest {

    private static List<String> names(List<TagCount> counts) {
        return counts.stream().map(TagCount::tag).toList();
    }

    @Test
    void theFilterTextNarrowsTheListButChosenTagsStayVisible() {
        TagFilter filter = new TagFilter();
        filter.setTags(List.of(new TagCount("cats", 4), new TagCount("dogs", 2), new TagCount("night sky", 1)));
        filter.setChosen("dogs", true);
        filter.setFilterText("  CA ");
        assertEquals(List.of("cats", "dogs"), names(filter.visible()));
        filter.setFilterText("");
        assertEquals(3, filter.visible().size());
    }

    @Test
    void chosenTagsBecomeTheGalleryQueryWithAllOrAny() {
        TagFilter filter = new TagFilter();
        filter.setTags(List.of(new TagCount("cats", 4), new TagCount("dogs", 2)));
        assertTrue(filter.choice().isAllImages());
        assertEquals("All images", filter.choice().describe());

        filter.setChosen("cats", true);
        filter.setChosen("dogs", true);
        ImageQuery all = filter.choice().query(60);
        assertEquals(List.of("cats", "dogs"), all.tags());
        assertFalse(all.anyTag());
        assertEquals(60, all.limit());
        assertEquals("Tagged cats and dogs", filter.choice().describe());

        filter.setAnyTag(true);
        assertTrue(filter.choice().query(60).anyTag());
        assertEquals("Tagged cats or dogs", filter.choice().describe());
        assertEquals("My images tagged cats or dogs", filter.choice().describe(true));
        assertTrue(filter.choice().query(60, true).mine(), "only the caller's own");
        assertFalse(filter.choice().query(60).mine());

        filter.clear();
        assertEquals(List.of(), filter.choice().query(60).tags());
    }

    @Test
    void tagsThatDisappearAreNoLongerChosenAndListenersHearEveryChange() {
        TagFilter filter = new TagFilter();
        int[] changes = { 0 };
        filter.addListener(() -> changes[0]++);
        filter.setTags(List.of(new TagCount("cats", 4), new TagCount("dogs", 2)));
        filter.setChosen("dogs", true);
        filter.setChosen("dogs", true);
        filter.setTags(List.of(new TagCount("cats", 5)));
        assertFalse(filter.isChosen("dogs"));
        assertTrue(filter.choice().isAllImages());
        assertEquals(3, changes[0], "choosing a chosen tag again changes nothing");
    }
}
