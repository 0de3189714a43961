package org.gallerist.core.internal;

/** The image repository's limits, from the server configuration (PID {@code org.gallerist.server}). */
public @interface RepositoryConfig {
    /** Largest accepted upload in bytes (50 MB). */
    long maxImageBytes() default 50L * 1024 * 1024;

    /** Largest accepted image in pixels, checked from the header before decoding (50 megapixels). */
    long maxImagePixels() default 50_000_000L;
}
