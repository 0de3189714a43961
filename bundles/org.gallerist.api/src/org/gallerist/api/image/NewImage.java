package org.gallerist.api.image;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** What an uploader says about an image; the bytes travel separately. Validated by the service. */
public record NewImage(String name, String description, List<String> tags, BigDecimal price, int quantity,
        Visibility visibility) {
    public NewImage {
        description = description == null ? "" : description;
        tags = List.copyOf(tags);
        Objects.requireNonNull(visibility, "visibility");
    }
}
