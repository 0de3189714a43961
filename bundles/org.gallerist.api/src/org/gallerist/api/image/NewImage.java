package org.gallerist.api.image;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What an uploader says about an image; the bytes travel separately. Validated by the service.
 *
 * @param name         {@code null} to take the file's own title (XMP or IPTC)
 * @param shareCamera  whether others may see the camera's facts (capture date, camera, lens, exposure)
 * @param untitledName the name when {@code name} is {@code null} and the file has no title (e.g. one made from the
 *                     file name); {@code null} to refuse such a file
 * @param freeDownload whether everyone who sees it may download the original without buying it
 */
public record NewImage(String name, String description, List<String> tags, BigDecimal price, int quantity,
        Visibility visibility, boolean shareCamera, String untitledName, boolean freeDownload) {
    public NewImage {
        description = description == null ? "" : description;
        tags = List.copyOf(tags);
        Objects.requireNonNull(visibility, "visibility");
    }

    /** With the original for its buyers only. */
    public NewImage(String name, String description, List<String> tags, BigDecimal price, int quantity,
            Visibility visibility, boolean shareCamera, String untitledName) {
        this(name, description, tags, price, quantity, visibility, shareCamera, untitledName, false);
    }

    /** Without a name for a file that has no title. */
    public NewImage(String name, String description, List<String> tags, BigDecimal price, int quantity,
            Visibility visibility, boolean shareCamera) {
        this(name, description, tags, price, quantity, visibility, shareCamera, null);
    }

    /** With the camera's facts kept to the owner. */
    public NewImage(String name, String description, List<String> tags, BigDecimal price, int quantity,
            Visibility visibility) {
        this(name, description, tags, price, quantity, visibility, false);
    }
}
