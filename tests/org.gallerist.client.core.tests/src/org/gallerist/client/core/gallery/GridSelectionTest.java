package org.gallerist.client.core.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.Visibility;
import org.junit.jupiter.api.Test;

class GridSelectionTest {

    private static List<Image> images(long... ids) {
        return LongStream.of(ids).mapToObj(id -> new Image(id, "Image " + id, "", List.of(), BigDecimal.ONE, 1, "sara",
                Visibility.PUBLIC, 10, 10, "png", 100, "0".repeat(64), Instant.EPOCH)).toList();
    }

    private static List<Long> ids(List<Image> images) {
        return images.stream().map(Image::id).toList();
    }

    @Test
    void clickCtrlClickShiftClickAndSelectAllWorkAsInAnyDesktopGrid() {
        List<Image> items = images(10, 11, 12, 13, 14, 15);
        GridSelection selection = new GridSelection();
        selection.click(items, 1);
        assertEquals(List.of(11L), ids(selection.selected(items)));
        selection.toggle(items, 4);
        assertEquals(List.of(11L, 14L), ids(selection.selected(items)), "Ctrl+click adds");
        selection.toggle(items, 1);
        assertEquals(List.of(14L), ids(selection.selected(items)), "and takes away");
        selection.extend(items, 2);
        assertEquals(List.of(11L, 12L), ids(selection.selected(items)), "Shift+click: from the last one clicked");
        selection.click(items, 4);
        selection.extend(items, 2);
        assertEquals(List.of(12L, 13L, 14L), ids(selection.selected(items)), "backwards too");
        selection.click(items, 0);
        selection.extend(items, 3);
        assertEquals(List.of(10L, 11L, 12L, 13L), ids(selection.selected(items)));
        selection.selectAll(items);
        assertEquals(6, selection.size());
        selection.clear();
        assertEquals(List.of(), selection.selected(items));
        selection.extend(items, 2);
        assertEquals(List.of(12L), ids(selection.selected(items)), "no anchor yet: like a click");
    }

    @Test
    void aReloadKeepsWhatIsStillThereSelected() {
        GridSelection selection = new GridSelection();
        List<Image> before = images(10, 11, 12);
        selection.selectAll(before);
        List<Image> after = images(12, 10, 20);
        assertEquals(List.of(12L, 10L), ids(selection.selected(after)), "in the new order; the deleted one gone");
        assertEquals(2, selection.size());
        selection.toggle(after, 7);
        assertEquals(2, selection.size(), "outside the grid: nothing");
    }
}
