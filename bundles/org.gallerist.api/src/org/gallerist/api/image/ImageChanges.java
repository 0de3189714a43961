package org.gallerist.api.image;

import java.math.BigDecimal;
import java.util.List;

/**
 * A partial update: {@code null} fields stay as they are; {@code tags}, when given, replace all tags, while
 * {@code addTags} and {@code removeTags} change only those (for several images at once, each keeping its others).
 *
 * @param shareCamera  whether others may see the camera's facts from now on
 * @param freeDownload whether everyone who sees the image may download its original, bought or not
 */
public record ImageChanges(String name, String description, List<String> tags, BigDecimal price, Integer quantity,
        Visibility visibility, Boolean shareCamera, Boolean freeDownload, List<String> addTags,
        List<String> removeTags) {
    public ImageChanges {
        tags = tags == null ? null : List.copyOf(tags);
        addTags = addTags == null || addTags.isEmpty() ? null : List.copyOf(addTags);
        removeTags = removeTags == null || removeTags.isEmpty() ? null : List.copyOf(removeTags);
    }

    /** Replacing the tags, if at all. */
    public ImageChanges(String name, String description, List<String> tags, BigDecimal price, Integer quantity,
            Visibility visibility, Boolean shareCamera, Boolean freeDownload) {
        this(name, description, tags, price, quantity, visibility, shareCamera, freeDownload, null, null);
    }

    /** Leaving the original's download as it is. */
    public ImageChanges(String name, String description, List<String> tags, BigDecimal price, Integer quantity,
            Visibility visibility, Boolean shareCamera) {
        this(name, description, tags, price, quantity, visibility, shareCamera, null);
    }

    /** Leaving the camera's facts as they are shared. */
    public ImageChanges(String name, String description, List<String> tags, BigDecimal price, Integer quantity,
            Visibility visibility) {
        this(name, description, tags, price, quantity, visibility, null);
    }

    public boolean isEmpty() {
        return name == null && description == null && tags == null && price == null && quantity == null
                && visibility == null && shareCamera == null && freeDownload == null && addTags == null
                && removeTags == null;
    }
}
