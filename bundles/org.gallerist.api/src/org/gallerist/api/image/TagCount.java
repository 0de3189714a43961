package org.gallerist.api.image;

/** A tag and how many images the caller can see carry it. */
public record TagCount(String tag, long count) {
}
