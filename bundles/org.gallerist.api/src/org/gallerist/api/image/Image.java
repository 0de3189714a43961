package org.gallerist.api.image;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An image as listed and shown: its metadata, never its bytes.
 *
 * @param price  in the shop's currency, scale 2
 * @param format the sniffed format, e.g. {@code jpeg}, {@code png}
 * @param bytes  the size of the original
 * @param sha256 hex digest of the original's bytes
 * @param width  as displayed (EXIF orientation applied), like the renditions
 * @param pages  the images in the file (a multi-page TIFF has several); renditions show the first
 */
public record Image(long id, String name, String description, List<String> tags, BigDecimal price, int quantity,
        String owner, Visibility visibility, int width, int height, String format, long bytes, String sha256,
        Instant created, int pages) {
    public Image {
        pages = Math.max(1, pages); // 0 from a server that did not send it
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        tags = List.copyOf(tags);
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(created, "created");
    }

    /** An image of one page. */
    public Image(long id, String name, String description, List<String> tags, BigDecimal price, int quantity,
            String owner, Visibility visibility, int width, int height, String format, long bytes, String sha256,
            Instant created) {
        this(id, name, description, tags, price, quantity, owner, visibility, width, height, format, bytes, sha256,
                created, 1);
    }
}
