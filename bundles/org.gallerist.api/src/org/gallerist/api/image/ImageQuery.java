package org.gallerist.api.image;

import java.util.List;

/**
 * Which images to list, newest first.
 *
 * @param tags   images carrying all of these (or any, with {@code anyTag}); empty for no tag filter
 * @param text   words that must all appear in name or description (case-insensitive); empty for none
 * @param mine   only the caller's own images
 * @param limit  page size, 1 to {@link #MAX_LIMIT}
 * @param after  the opaque cursor of the previous page's {@link Page#next()}, or {@code null} for the first page
 */
public record ImageQuery(List<String> tags, boolean anyTag, String text, boolean mine, int limit, String after) {
    public static final int DEFAULT_LIMIT = 60;
    public static final int MAX_LIMIT = 200;

    public ImageQuery {
        tags = List.copyOf(tags);
        text = text == null ? "" : text;
    }

    public static ImageQuery all() {
        return new ImageQuery(List.of(), false, "", false, DEFAULT_LIMIT, null);
    }
}
