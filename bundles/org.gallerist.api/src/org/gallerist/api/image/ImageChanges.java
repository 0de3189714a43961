package org.gallerist.api.image;

import java.math.BigDecimal;
import java.util.List;

/**
 * A partial update: {@code null} fields stay as they are; {@code tags}, when given, replace all tags.
 *
 * @param shareCamera whether others may see the camera's facts from now on
 */
public record ImageChanges(String name, String description, List<String> tags, BigDecimal price, Integer quantity,
        Visibility visibility, Boolean shareCamera) {
    public ImageChanges {
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** Leaving the camera's facts as they are shared. */
    public ImageChanges(String name, String description, List<String> tags, BigDecimal price, Integer quantity,
            Visibility visibility) {
        this(name, description, tags, price, quantity, visibility, null);
    }

    public boolean isEmpty() {
        return name == null && description == null && tags == null && price == null && quantity == null
                && visibility == null && shareCamera == null;
    }
}
