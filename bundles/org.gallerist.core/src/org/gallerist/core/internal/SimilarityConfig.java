package org.gallerist.core.internal;

/** The part of the server configuration (PID {@code org.gallerist.server}) similarity search reads. */
public @interface SimilarityConfig {

    /** Cosine similarity from which an upload reports another image as a near duplicate. */
    double nearDuplicateThreshold() default 0.92;

    /** At most this many near duplicates and suggested tags are reported per upload. */
    int uploadHints() default 5;

    long maxImageBytes() default 50L * 1024 * 1024;

    long maxImagePixels() default 50_000_000L;
}
