package org.gallerist.spi.imaging;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.gallerist.api.image.ImageSize;

/**
 * Reads images safely: sniffs the format from the content, checks the pixel count from the header before decoding,
 * and renders JPEG thumbnails and previews with EXIF orientation applied. A file in a format the backend recognises
 * but cannot decode here fails with {@code unsupported_format} (details {@code format} and {@code package}).
 */
public interface ImageProcessor {

    /**
     * What the header says.
     *
     * @param format the format's lower-case name, one of {@link #formats()}
     * @param width  as displayed: with an EXIF (or TIFF, or HEIF) rotation applied, as the renditions are
     * @param height as displayed
     * @param pages  the images in the file (pages of a TIFF, frames are not counted); renditions show the first
     */
    record Inspection(String format, int width, int height, int pages) {

        /** A file with one image. */
        public Inspection(String format, int width, int height) {
            this(format, width, height, 1);
        }
    }

    /** The formats this backend reads, by the names {@link Inspection#format()} gives, in the order users see them. */
    List<String> formats();

    /**
     * @throws org.gallerist.api.GalleristException {@code not_an_image}, {@code corrupt_image} or {@code too_large}
     *                                              (over {@code maxPixels})
     */
    Inspection inspect(Path file, long maxPixels);

    /**
     * What an upload needs from its file: the header's facts, both renditions and, when asked for, what an embedder
     * is given.
     *
     * @param analysis the preview's pixels scaled for analysis (like {@link #decodeForAnalysis}), or {@code null}
     *                 when not asked for
     */
    record Prepared(Inspection inspection, byte[] thumb, byte[] preview, BufferedImage analysis) {

        /** Without the analysis image. */
        public Prepared(Inspection inspection, byte[] thumb, byte[] preview) {
            this(inspection, thumb, preview, null);
        }
    }

    /**
     * Checks an upload and renders its thumbnail and preview, like {@link #inspect} and {@link #render} for each
     * size, but from a single decode where the backend can (the default reads the file three times).
     */
    default Prepared prepare(Path file, long maxPixels) {
        return prepare(file, maxPixels, 0);
    }

    /**
     * Like {@link #prepare(Path, long)}, and with {@code analysisShortSide > 0} also the embedder's input: the
     * preview's pixels with the shorter side scaled to {@code analysisShortSide} pixels (where the preview has them).
     * Backends derive it from the same decode; the default decodes the encoded preview again.
     */
    default Prepared prepare(Path file, long maxPixels, int analysisShortSide) {
        Inspection inspection = inspect(file, maxPixels);
        byte[] preview = render(file, ImageSize.PREVIEW);
        return new Prepared(inspection, render(file, ImageSize.THUMB), preview,
                analysisShortSide > 0 ? decodeForAnalysis(preview, analysisShortSide, maxPixels) : null);
    }

    /** A JPEG fitting {@code size.maxEdge()}; fully decodes, so a truncated file fails with {@code corrupt_image}. */
    byte[] render(Path file, ImageSize size);

    /**
     * Decodes for analysis (e.g. an {@link org.gallerist.spi.similarity.Embedder}): oriented like the thumbnails, and
     * subsampled while decoding so that the shorter side stays at least {@code minShortSide} pixels where the image
     * has that many. Checks {@code maxPixels} from the header first, like {@link #inspect}.
     */
    BufferedImage decodeForAnalysis(Path file, int minShortSide, long maxPixels);

    /** Like {@link #decodeForAnalysis(Path, int, long)}, for an image already in memory (e.g. a rendition). */
    BufferedImage decodeForAnalysis(byte[] content, int minShortSide, long maxPixels);

    /**
     * The file's own title, description, keywords and camera facts. Never fails an upload: a file whose metadata
     * cannot be read, or a backend that does not read it, gives {@link EmbeddedMetadata#NONE} or what could be read.
     */
    default EmbeddedMetadata metadata(Path file) {
        return EmbeddedMetadata.NONE;
    }

    /**
     * The same from metadata blocks another reader took out of a container: {@code exif} a TIFF structure (from its
     * byte order mark on, as HEIF and JPEG XL carry it), {@code xmp} an XMP packet; either may be {@code null}.
     */
    default EmbeddedMetadata metadata(byte[] exif, byte[] xmp) {
        return EmbeddedMetadata.NONE;
    }
}
