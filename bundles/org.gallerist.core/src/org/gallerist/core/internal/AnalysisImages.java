package org.gallerist.core.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.gallerist.api.image.ImageSize;
import org.gallerist.spi.storage.BlobStore;
import org.gallerist.spi.imaging.ImageProcessor;
import org.gallerist.spi.storage.ImageRecord;

/**
 * Decodes what an embedder sees: always the preview rendition, of an upload, of a stored image in the re-index, and of
 * every query image, so all vectors of one index come from the same pipeline.
 */
record AnalysisImages(ImageProcessor processor, BlobStore blobs, ImageLimits limits) {

    /** Decoding keeps at least this short side, what the usual 224 px CNN input is cropped from. */
    static final int ANALYSIS_SHORT_SIDE = 256;

    /**
     * An upload's preview rendition, made before its row is stored. Needs no decode permit: a rendition of ours is at
     * most 1024 px, so its decode is small; the permits bound the decodes of what users send.
     */
    BufferedImage decode(byte[] preview) {
        return processor.decodeForAnalysis(preview, ANALYSIS_SHORT_SIDE, limits.maxPixels());
    }

    /** A stored image's preview; its original (with a decode permit) where it has none. */
    BufferedImage decodeStored(ImageRecord record) throws IOException {
        boolean original = record.previewKey() == null;
        byte[] stored;
        try (InputStream in = blobs.open(original ? record.originalKey() : record.previewKey())) {
            stored = in.readAllBytes();
        }
        return original ? limits.decodes().decode(() -> decode(stored)) : decode(stored);
    }

    /** A query image, checked and rendered like an upload; nothing of it is kept. */
    BufferedImage decodeQuery(InputStream query) {
        byte[] preview;
        try (BlobStore.Staged staged = blobs.stage(query, limits.maxBytes())) {
            preview = limits.decodes().decode(() -> {
                processor.inspect(staged.file(), limits.maxPixels());
                return processor.render(staged.file(), ImageSize.PREVIEW);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the query image failed", e);
        }
        return decode(preview);
    }
}
