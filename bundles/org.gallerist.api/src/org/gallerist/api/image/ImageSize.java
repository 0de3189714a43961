package org.gallerist.api.image;

import java.util.Locale;

/** Renditions: thumbnails fit 256 px, previews 1024 px (both JPEG); the original is the uploaded bytes. */
public enum ImageSize {
    THUMB(256), PREVIEW(1024), ORIGINAL(0);

    private final int maxEdge;

    ImageSize(int maxEdge) {
        this.maxEdge = maxEdge;
    }

    /** The longest edge of this rendition in pixels; 0 for the original. */
    public int maxEdge() {
        return maxEdge;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
