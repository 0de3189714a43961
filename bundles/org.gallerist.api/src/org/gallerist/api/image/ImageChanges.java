package org.gallerist.api.image;

import java.math.BigDecimal;
import java.util.List;

/** A partial update: {@code null} fields stay as they are; {@code tags}, when given, replace all tags. */
public record ImageChanges(String name, String description, List<String> tags, BigDecimal price, Integer quantity,
        Visibility visibility) {
    public ImageChanges {
        tags = tags == null ? null : List.copyOf(tags);
    }

    public boolean isEmpty() {
        return name == null && description == null && tags == null && price == null && quantity == null
                && visibility == null;
    }
}
