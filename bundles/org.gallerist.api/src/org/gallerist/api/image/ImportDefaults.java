package org.gallerist.api.image;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** What every image of a bulk import shares; each is named after its file. */
public record ImportDefaults(String description, List<String> tags, BigDecimal price, int quantity,
        Visibility visibility) {
    public ImportDefaults {
        description = description == null ? "" : description;
        tags = List.copyOf(tags);
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(visibility, "visibility");
    }
}
