package org.gallerist.spi.imaging;

import java.nio.file.Path;

import org.gallerist.api.image.ImageSize;

/**
 * Reads images safely: sniffs the format from the content, checks the pixel count from the header before decoding,
 * and renders JPEG thumbnails and previews with EXIF orientation applied.
 */
public interface ImageProcessor {

    /** What the header says. */
    record Inspection(String format, int width, int height) {
    }

    /**
     * @throws org.gallerist.api.GalleristException {@code not_an_image}, {@code corrupt_image} or {@code too_large}
     *                                              (over {@code maxPixels})
     */
    Inspection inspect(Path file, long maxPixels);

    /** What an upload needs from its file: the header's facts and both renditions. */
    record Prepared(Inspection inspection, byte[] thumb, byte[] preview) {
    }

    /**
     * Checks an upload and renders its thumbnail and preview, like {@link #inspect} and {@link #render} for each
     * size, but from a single decode where the backend can (the default reads the file three times).
     */
    default Prepared prepare(Path file, long maxPixels) {
        Inspection inspection = inspect(file, maxPixels);
        return new Prepared(inspection, render(file, ImageSize.THUMB), render(file, ImageSize.PREVIEW));
    }

    /** A JPEG fitting {@code size.maxEdge()}; fully decodes, so a truncated file fails with {@code corrupt_image}. */
    byte[] render(Path file, ImageSize size);

    /**
     * Decodes for analysis (e.g. an {@link org.gallerist.spi.similarity.Embedder}): oriented like the thumbnails, and
     * subsampled while decoding so that the shorter side stays at least {@code minShortSide} pixels where the image
     * has that many. Checks {@code maxPixels} from the header first, like {@link #inspect}.
     */
    java.awt.image.BufferedImage decodeForAnalysis(Path file, int minShortSide, long maxPixels);

    /** Like {@link #decodeForAnalysis(Path, int, long)}, for an image already in memory (e.g. a rendition). */
    java.awt.image.BufferedImage decodeForAnalysis(byte[] content, int minShortSide, long maxPixels);
}
