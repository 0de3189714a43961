package org.gallerist.client.core.bulk;

import static org.gallerist.client.core.gallery.Images.image;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.junit.jupiter.api.Test;

class BulkSelectionTest {
    private final User ann = new User("ann", Role.USER, false, Instant.EPOCH);

    @Test
    void onlyTheUsersOwnImagesAreSentAndTheOthersStay() {
        BulkSelection selection = BulkSelection.of(ann, List.of(image(1, "ann"), image(2, "bob"), image(3, "ann")));
        assertEquals(List.of(1L, 3L), selection.ids());
        assertEquals(1, selection.others().size());
        assertTrue(selection.deleteQuestion().startsWith("Delete 2 images from the server?"));
        assertTrue(selection.deleteQuestion().endsWith("Not yours, so left alone: 1 image."), selection.deleteQuestion());
    }

    @Test
    void oneImageIsCountedInTheSingular() {
        BulkSelection selection = BulkSelection.of(ann, List.of(image(7, "ann")));
        assertTrue(selection.deleteQuestion().startsWith("Delete 1 image from the server?"));
        assertEquals("Deleting 1 image", selection.deleteJobName());
    }
}
