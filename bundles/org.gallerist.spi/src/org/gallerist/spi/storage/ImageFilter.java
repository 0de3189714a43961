package org.gallerist.spi.storage;

import java.util.List;

/**
 * A normalised listing request as storage executes it, newest first by {@code (created, id)}.
 *
 * @param viewer       whose view: sees public images, their own, and everything if {@code viewerIsAdmin}
 * @param tags         normalised tags; all must match, or any with {@code anyTag}
 * @param words        lower-case words that must all occur in name or description
 * @param ownerOnly    only the viewer's own images
 * @param afterCreated with {@code afterId}: the keyset position to continue after, or {@code null} for the start
 */
public record ImageFilter(String viewer, boolean viewerIsAdmin, List<String> tags, boolean anyTag, List<String> words,
        boolean ownerOnly, int limit, Long afterCreated, Long afterId) {
    public ImageFilter {
        tags = List.copyOf(tags);
        words = List.copyOf(words);
    }
}
