package org.gallerist.core.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.gallerist.spi.storage.BlobStore;
import org.gallerist.spi.imaging.ImageProcessor;
import org.gallerist.spi.storage.ImageRecord;

/**
 * What an embedder sees, always made by {@link ImageProcessor#prepare(java.nio.file.Path, long, int)} from the bytes
 * a user sent: the preview's pixels scaled to {@link #ANALYSIS_SHORT_SIDE}, from the one decode that also renders an
 * upload, a query image, or (in the re-index) a stored original. So all vectors of one index come from the same
 * pipeline, and a re-indexed image gets exactly the vector its upload got.
 */
record AnalysisImages(ImageProcessor processor, BlobStore blobs, ImageLimits limits) {

    /** The analysis image keeps this short side, what the usual 224 px CNN input is cropped from. */
    static final int ANALYSIS_SHORT_SIDE = 256;

    /** A stored image, from its original (accepted within the limits of its upload, so not held to today's size). */
    BufferedImage decodeStored(ImageRecord record) throws IOException {
        try (InputStream in = blobs.open(record.originalKey())) {
            return prepared(in, Long.MAX_VALUE);
        }
    }

    /** A query image, checked and rendered like an upload; nothing of it is kept. */
    BufferedImage decodeQuery(InputStream query) {
        return prepared(query, limits.maxBytes());
    }

    private BufferedImage prepared(InputStream content, long maxBytes) {
        try (BlobStore.Staged staged = blobs.stage(content, maxBytes)) {
            return limits.decodes().decode(() -> processor.prepare(staged.file(), limits.maxPixels(),
                    ANALYSIS_SHORT_SIDE).analysis());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading an image for analysis failed", e);
        }
    }
}
