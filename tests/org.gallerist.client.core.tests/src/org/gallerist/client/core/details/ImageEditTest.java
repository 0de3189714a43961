package org.gallerist.client.core.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.PhotoFacts;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.gallery.Images;
import org.junit.jupiter.api.Test;

class ImageEditTest {
    private final Image original = Images.image(12, "alice", "cats", "night sky");

    @Test
    void anUntouchedFormHasNoChangesAndEachEditedFieldIsSentAlone() {
        ImageEdit form = ImageEdit.of(original);
        assertEquals("cats, night sky", form.tags());
        assertFalse(form.check(original).hasChanges());

        ImageEdit edited = new ImageEdit(" Moon ", original.description(), "night   sky, Cats", "2.5", "3",
                Visibility.PRIVATE);
        ImageChanges changes = edited.check(original).changes().orElseThrow();
        assertEquals("Moon", changes.name());
        assertNull(changes.tags(), "tags are compared after the server's normalisation, in any order");
        assertNull(changes.price(), "2.5 is the same price as 2.50");
        assertNull(changes.quantity());
        assertEquals(Visibility.PRIVATE, changes.visibility());

        ImageChanges moreTags = new ImageEdit(original.name(), "", "cats, dogs", "4", "0", Visibility.PUBLIC)
                .check(original).changes().orElseThrow();
        assertEquals(List.of("cats", "dogs"), moreTags.tags());
        assertEquals(new BigDecimal("4.00"), moreTags.price());
        assertEquals(0, moreTags.quantity());
    }

    @Test
    void badFieldsAreExplainedInTheServersWords() {
        assertEquals("The name is empty.", problem(new ImageEdit("  ", "", "", "1", "1", Visibility.PUBLIC)));
        assertTrue(problem(new ImageEdit("x", "", "", "1.234", "1", Visibility.PUBLIC)).contains("2 decimals"));
        assertEquals("The price must not be negative.", problem(new ImageEdit("x", "", "", "-1", "1",
                Visibility.PUBLIC)));
        assertTrue(problem(new ImageEdit("x", "", "", "1", "lots", Visibility.PUBLIC)).contains("whole number"));
        assertTrue(problem(new ImageEdit("x", "", "a/b", "1", "1", Visibility.PUBLIC)).contains("Invalid tag"));
    }

    private String problem(ImageEdit edit) {
        ImageEdit.Checked checked = edit.check(original);
        assertTrue(checked.changes().isEmpty());
        return checked.problem().orElseThrow();
    }

    @Test
    void onlyTheOwnerEdits() {
        Instant now = Instant.now();
        assertTrue(ImageEdit.canEdit(new User("alice", Role.USER, false, now), original));
        assertFalse(ImageEdit.canEdit(new User("bob", Role.ADMIN, false, now), original));
        assertFalse(ImageEdit.canEdit(null, original));
    }

    @Test
    void factsReadLikeSentences() {
        assertEquals("640 \u00d7 480 px, JPEG, 1000 B", ImageFacts.dimensions(original));
        assertEquals("#12 by alice, added 2026-11-01 10:00", ImageFacts.origin(original, ZoneOffset.UTC));
        assertEquals("2.50 \u00b7 3 in stock", ImageFacts.priceAndStock(original));
        assertEquals("sold out", ImageFacts.stock(0));
        assertEquals("1.5 MB", ImageFacts.size(1_572_864));
    }

    @Test
    void theCameraReadsLikeAPhotographersCaption() {
        PhotoFacts fuji = new PhotoFacts("2024-05-01T06:12:13+02:00", "Fujifilm", "X-T5", "XF35mmF1.4 R", "1/250 s",
                "f/2.8", "35 mm", 400);
        assertEquals("Taken 2024-05-01 06:12 \u00b7 Fujifilm X-T5 \u00b7 XF35mmF1.4 R \u00b7 1/250 s \u00b7 f/2.8"
                + " \u00b7 35 mm \u00b7 ISO 400", ImageFacts.camera(fuji));
        assertEquals("Canon EOS R5 \u00b7 f/4", ImageFacts.camera(new PhotoFacts(null, "Canon", "Canon EOS R5", null,
                null, "f/4", null, null)), "a model that names its make says it once");
        assertEquals("", ImageFacts.camera(PhotoFacts.NONE));
    }
}
