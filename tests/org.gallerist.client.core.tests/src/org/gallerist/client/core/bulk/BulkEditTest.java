package org.gallerist.client.core.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.Visibility;
import org.junit.jupiter.api.Test;

class BulkEditTest {

    @Test
    void blankFieldsLeaveEachImagesOwnValue() {
        ImageChanges changes = new BulkEdit(" 4.5 ", "", "", "", null).check().changes().orElseThrow();
        assertEquals(0, new BigDecimal("4.50").compareTo(changes.price()));
        assertNull(changes.quantity());
        assertNull(changes.visibility());
        assertNull(changes.tags(), "a bulk edit never replaces all tags");
        assertNull(changes.addTags());
    }

    @Test
    void tagsAreAddedAndRemovedNormalised() {
        ImageChanges changes = new BulkEdit("", "7", "Sea, Summer  Sky", "old", Visibility.PRIVATE).check().changes()
                .orElseThrow();
        assertEquals(List.of("sea", "summer sky"), changes.addTags());
        assertEquals(List.of("old"), changes.removeTags());
        assertEquals(7, changes.quantity());
        assertEquals(Visibility.PRIVATE, changes.visibility());
    }

    @Test
    void nothingToChangeIsAProblem() {
        assertEquals("Fill in at least one change.", BulkEdit.empty().check().problem().orElseThrow());
    }

    @Test
    void theServersRulesAreCheckedFirst() {
        assertTrue(new BulkEdit("-1", "", "", "", null).check().problem().isPresent());
        assertTrue(new BulkEdit("", "many", "", "", null).check().problem().isPresent());
        assertTrue(new BulkEdit("", "", "no/slash", "", null).check().problem().orElseThrow().contains("no/slash"));
    }

    @Test
    void aTagCannotBeAddedAndRemovedAtOnce() {
        assertEquals("The tag 'sea' is both added and removed.",
                new BulkEdit("", "", "Sea", "sea", null).check().problem().orElseThrow());
    }
}
