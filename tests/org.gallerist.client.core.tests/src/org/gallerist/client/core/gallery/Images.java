package org.gallerist.client.core.gallery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.Visibility;

/** Test images with only what the models look at. */
public final class Images {
    private Images() {
    }

    public static Image image(long id, String owner, String... tags) {
        return new Image(id, "Image " + id, "", List.of(tags), new BigDecimal("2.50"), 3, owner, Visibility.PUBLIC, 640,
                480, "jpeg", 1000, "ab" + id, Instant.parse("2026-11-01T10:00:00Z"));
    }
}
