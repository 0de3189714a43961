package org.gallerist.imaging.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * A DNG is shown by the largest JPEG preview it carries (in IFD0 or a SubIFD), the way the camera or converter
 * rendered it: Gallerist does not develop raw sensor data. The original stays as uploaded.
 *
 * @param offset where the preview's JPEG stream starts in the file
 * @param length its length in bytes
 */
record RawPreview(long offset, int length) {

    /** A preview larger than this is not a preview. */
    static final int MAX_LENGTH = 64 << 20;
    private static final int DNG_VERSION = 50706;
    private static final int SUB_IFDS = 330;
    private static final int WIDTH = 256;
    private static final int HEIGHT = 257;
    private static final int COMPRESSION = 259;
    private static final int PHOTOMETRIC = 262;
    private static final int STRIP_OFFSETS = 273;
    private static final int STRIP_BYTE_COUNTS = 279;
    private static final int JPEG_INTERCHANGE = 513;
    private static final int JPEG_INTERCHANGE_LENGTH = 514;
    /** Baseline JPEG (old style) and JPEG ("new style", the DNG preview's). */
    private static final List<Integer> JPEG_COMPRESSIONS = List.of(6, 7);
    /** RGB and YCbCr: pictures, not colour-filter-array or linear raw data, which may be JPEG-compressed too. */
    private static final List<Integer> PICTURE_PHOTOMETRICS = List.of(2, 6);

    /**
     * Whether the TIFF read from {@code input}'s start is a DNG, and then its preview.
     *
     * @return empty for a TIFF that is not a DNG
     * @throws NoPreview for a DNG that carries no JPEG preview
     */
    static Optional<RawPreview> of(ImageInputStream input) throws IOException {
        input.seek(0);
        Directory ifd0 = new TIFFReader().read(input);
        if (ifd0.getEntryById(DNG_VERSION) == null) {
            return Optional.empty();
        }
        List<Directory> candidates = new ArrayList<>(List.of(ifd0));
        Entry subIfds = ifd0.getEntryById(SUB_IFDS);
        if (subIfds != null && subIfds.getValue() instanceof Directory one) {
            candidates.add(one);
        } else if (subIfds != null && subIfds.getValue() instanceof Object[] several) {
            for (Object directory : several) {
                if (directory instanceof Directory sub) {
                    candidates.add(sub);
                }
            }
        }
        RawPreview best = null;
        long bestPixels = -1;
        long fileLength = input.length();
        for (Directory directory : candidates) {
            RawPreview preview = jpegIn(directory, fileLength);
            long width = number(directory, WIDTH);
            long height = number(directory, HEIGHT);
            long pixels = width > 0 && height > 0 ? width * height : 0;
            if (preview != null && (best == null || pixels > bestPixels
                    || pixels == bestPixels && preview.length > best.length)) {
                best = preview;
                bestPixels = pixels;
            }
        }
        if (best == null) {
            throw new NoPreview();
        }
        return Optional.of(best);
    }

    /** Reads the preview's bytes: a whole JPEG stream. */
    byte[] read(ImageInputStream input) throws IOException {
        byte[] jpeg = new byte[length];
        input.seek(offset);
        input.readFully(jpeg);
        return jpeg;
    }

    private static RawPreview jpegIn(Directory directory, long fileLength) {
        long offset;
        long length;
        if (directory.getEntryById(JPEG_INTERCHANGE) != null) {
            offset = number(directory, JPEG_INTERCHANGE);
            length = number(directory, JPEG_INTERCHANGE_LENGTH);
        } else if (JPEG_COMPRESSIONS.contains((int) number(directory, COMPRESSION))
                && PICTURE_PHOTOMETRICS.contains((int) number(directory, PHOTOMETRIC))) {
            offset = number(directory, STRIP_OFFSETS); // one strip: the whole stream; tiled previews are not read
            length = number(directory, STRIP_BYTE_COUNTS);
        } else {
            return null;
        }
        boolean inside = offset > 0 && length > 4 && length <= MAX_LENGTH && offset + length <= fileLength;
        return inside ? new RawPreview(offset, (int) length) : null;
    }

    /** A single number; -1 when absent, several or not a number. */
    private static long number(Directory directory, int tag) {
        Entry entry = directory.getEntryById(tag);
        return entry != null && entry.getValue() instanceof Number value ? value.longValue() : -1;
    }

    /** A DNG without a JPEG preview: only its raw sensor data, which Gallerist does not develop. */
    static final class NoPreview extends IOException {
        private static final long serialVersionUID = 1L;

        NoPreview() {
            super("The DNG carries no JPEG preview");
        }
    }
}
