package org.gallerist.imaging.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.gallerist.imaging.internal.metadata.MetadataReader;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/** The EXIF orientation tag (1–8) of a JPEG or TIFF, and turning pixels upright accordingly. */
final class ExifOrientation {

    static final int NORMAL = 1;

    private ExifOrientation() {
    }

    /**
     * The orientation in the JPEG's Exif APP1 segment; {@link #NORMAL} when there is none or it cannot be read (a
     * broken tag must not stop a thumbnail). The stream is read from its start; its position afterwards is undefined.
     */
    static int read(ImageInputStream jpeg) {
        try {
            jpeg.seek(0);
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(jpeg, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return NORMAL;
            }
            try (InputStream data = segments.get(0).data()) {
                // After the "Exif\0" identifier comes one pad byte, then the TIFF header, which IFD offsets count from.
                if (data.read() < 0) {
                    return NORMAL;
                }
                try (ImageInputStream tiff = new MemoryCacheImageInputStream(data)) {
                    Directory exif = new TIFFReader().read(tiff);
                    return valid(exif.getEntryById(TIFF.TAG_ORIENTATION));
                }
            }
        } catch (IOException | RuntimeException e) {
            return NORMAL;
        }
    }

    /**
     * The orientation tag of a TIFF's first page; {@link #NORMAL} when there is none or it cannot be read. The stream
     * is read from its start; its position afterwards is undefined.
     */
    static int readTiff(ImageInputStream tiff) {
        try {
            tiff.seek(0);
            return valid(new TIFFReader().read(tiff).getEntryById(TIFF.TAG_ORIENTATION));
        } catch (IOException | RuntimeException e) {
            return NORMAL;
        }
    }

    /**
     * The orientation in a PNG's {@code eXIf} or a WebP's {@code EXIF} chunk, which browsers and libvips honour too;
     * {@link #NORMAL} when there is none or it cannot be read. The stream is read from its start.
     */
    static int readChunks(ImageInputStream input, String format) {
        try {
            byte[] exif = MetadataReader.exif(input, format);
            if (exif == null) {
                return NORMAL;
            }
            int start = 0;
            while (start + 4 <= Math.min(exif.length, 16) && !(exif[start] == 'I' && exif[start + 1] == 'I'
                    || exif[start] == 'M' && exif[start + 1] == 'M')) {
                start++;
            }
            try (ImageInputStream tiff = new MemoryCacheImageInputStream(
                    new java.io.ByteArrayInputStream(exif, start, exif.length - start))) {
                return valid(new TIFFReader().read(tiff).getEntryById(TIFF.TAG_ORIENTATION));
            }
        } catch (IOException | RuntimeException e) {
            return NORMAL;
        }
    }

    /** Whether an image stored with this orientation is displayed with width and height swapped. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    private static int valid(Entry orientation) {
        if (orientation != null && orientation.getValue() instanceof Number number) {
            int value = number.intValue();
            return value >= 1 && value <= 8 ? value : NORMAL;
        }
        return NORMAL;
    }

    /**
     * The upright version of an image stored with the given orientation; orientations 5–8 swap width and height.
     * Expects {@link BufferedImage#TYPE_INT_RGB}.
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }           // mirrored horizontally
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }   // rotated 180°
                    case 4 -> { sx = x; sy = h - 1 - y; }           // mirrored vertically
                    case 5 -> { sx = y; sy = x; }                   // transposed
                    case 6 -> { sx = y; sy = h - 1 - x; }           // needs 90° clockwise
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }   // transversed
                    default -> { sx = w - 1 - y; sy = x; }          // 8: needs 90° counter-clockwise
                }
                dst[y * outW + x] = src[sy * w + sx];
            }
        }
        return out;
    }
}
