package org.gallerist.spi.storage;

import java.util.List;

/**
 * A normalised listing request as storage executes it, newest first by {@code (created, id)}.
 *
 * @param viewer       whose view: sees public images, their own, and everything if {@code viewerIsAdmin}
 * @param tags         normalised tags; all must match, or any with {@code anyTag}
 * @param words        lower-case words that must all occur in the name, description, tags or the image model's labels;
 *                     images that match every word without the labels come first
 * @param ownerOnly    only the viewer's own images
 * @param afterCreated with {@code afterId}: the keyset position to continue after, or {@code null} for the start
 * @param afterRank    the rank of that position's image (0 when there are no words)
 */
public record ImageFilter(String viewer, boolean viewerIsAdmin, List<String> tags, boolean anyTag, List<String> words,
        boolean ownerOnly, int limit, Long afterCreated, Long afterId, int afterRank) {

    /** Rank of images that match every word by name, description or tags. */
    public static final int DIRECT = 0;
    /** Rank of images that match some word only by what the image model saw. */
    public static final int SEEN_BY_MODEL = 1;

    public ImageFilter {
        tags = List.copyOf(tags);
        words = List.copyOf(words);
        if (afterRank < DIRECT || afterRank > SEEN_BY_MODEL) {
            throw new IllegalArgumentException("afterRank is 0 or 1, not " + afterRank);
        }
    }

    /** A filter whose position, if any, is among the direct matches. */
    public ImageFilter(String viewer, boolean viewerIsAdmin, List<String> tags, boolean anyTag, List<String> words,
            boolean ownerOnly, int limit, Long afterCreated, Long afterId) {
        this(viewer, viewerIsAdmin, tags, anyTag, words, ownerOnly, limit, afterCreated, afterId, DIRECT);
    }

    /** This filter for the next rank, from its start, for {@code limit} more images. */
    public ImageFilter nextRank(int limit) {
        return new ImageFilter(viewer, viewerIsAdmin, tags, anyTag, words, ownerOnly, limit, null, null, afterRank + 1);
    }
}
