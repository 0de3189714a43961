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
 */
public record Image(long id, String name, String description, List<String> tags, BigDecimal price, int quantity,
        String owner, Visibility visibility, int width, int height, String format, long bytes, String sha256,
        Instant created) {
    public Image {
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
}
