package org.gallerist.client.core.prefs;

import java.util.Optional;
import java.util.OptionalInt;

import org.gallerist.api.image.ImageQuery;

/**
 * How the client shows images: how many the gallery loads per batch and how large thumbnails are drawn.
 *
 * @param batchSize     images per batch, 1 to {@link ImageQuery#MAX_LIMIT}
 * @param thumbnailSize the longest edge of a drawn thumbnail in pixels, {@value #MIN_THUMBNAIL} to
 *                      {@value #MAX_THUMBNAIL}
 */
public record ViewPreferences(int batchSize, int thumbnailSize) {
    public static final int MIN_THUMBNAIL = 64;
    public static final int MAX_THUMBNAIL = 256;
    public static final ViewPreferences DEFAULTS = new ViewPreferences(ImageQuery.DEFAULT_LIMIT, 160);

    public ViewPreferences {
        if (checkBatchSize(batchSize).isPresent() || checkThumbnailSize(thumbnailSize).isPresent()) {
            throw new IllegalArgumentException("batch " + batchSize + ", thumbnail " + thumbnailSize);
        }
    }

    public static Optional<String> checkBatchSize(int size) {
        return size >= 1 && size <= ImageQuery.MAX_LIMIT ? Optional.empty()
                : Optional.of("The batch size must be a number from 1 to " + ImageQuery.MAX_LIMIT + ".");
    }

    public static Optional<String> checkThumbnailSize(int size) {
        return size >= MIN_THUMBNAIL && size <= MAX_THUMBNAIL ? Optional.empty()
                : Optional.of("The thumbnail size must be a number from " + MIN_THUMBNAIL + " to " + MAX_THUMBNAIL
                        + ".");
    }

    /** A whole number from text, or empty. */
    public static OptionalInt parse(String text) {
        String digits = text == null ? "" : text.strip();
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(digits));
    }
}
