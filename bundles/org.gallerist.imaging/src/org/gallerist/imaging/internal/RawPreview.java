package org.gallerist.imaging.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * A camera raw file is shown by the largest JPEG preview it carries, the way the camera or converter rendered it:
 * Gallerist does not develop raw sensor data. The original stays as uploaded. Read here are the raw formats built on
 * TIFF: DNG (its DNGVersion tag), Canon's CR2 ({@code CR} after the TIFF header), and any TIFF holding colour filter
 * array or linear raw data, named after its maker (Nikon's NEF, Sony's ARW; others {@code raw}). The previews are
 * looked for in every directory of IFD0's chain and their SubIFDs, and each is checked to be a baseline or
 * progressive JPEG (Canon keeps the sensor data as a lossless JPEG too).
 *
 * @param format  the raw format's name
 * @param offset  where the preview's JPEG stream starts in the file
 * @param length  its length in bytes
 */
record RawPreview(String format, long offset, int length) {

    /** The raw formats, in the order {@code server info} lists them. */
    static final List<String> FORMATS = List.of("dng", "cr2", "nef", "arw", "raw");
    /** A preview larger than this is not a preview. */
    static final int MAX_LENGTH = 64 << 20;
    /** More directories than this (chained and SubIFDs together) are not looked at. */
    private static final int MAX_DIRECTORIES = 32;
    private static final int DNG_VERSION = 50706;
    private static final int SUB_IFDS = 330;
    private static final int COMPRESSION = 259;
    private static final int PHOTOMETRIC = 262;
    private static final int MAKE = 271;
    private static final int STRIP_OFFSETS = 273;
    private static final int STRIP_BYTE_COUNTS = 279;
    private static final int JPEG_INTERCHANGE = 513;
    private static final int JPEG_INTERCHANGE_LENGTH = 514;
    /** Baseline JPEG (old style) and JPEG ("new style", the DNG preview's). */
    private static final List<Integer> JPEG_COMPRESSIONS = List.of(6, 7);
    /** RGB and YCbCr, or none (Canon's IFD0): pictures, not colour filter array or linear raw data. */
    private static final List<Integer> PICTURE_PHOTOMETRICS = List.of(2, 6, -1);
    /** Colour filter array and linear raw: what makes a TIFF a raw file. */
    private static final List<Integer> RAW_PHOTOMETRICS = List.of(32803, 34892);

    /**
     * Whether the TIFF read from {@code input}'s start is a camera raw file, and then its preview.
     *
     * @return empty for a TIFF that is not a raw file
     * @throws NoPreview for a raw file that carries no JPEG preview
     */
    static Optional<RawPreview> of(ImageInputStream input) throws IOException {
        input.seek(0);
        Directory chain = new TIFFReader().read(input);
        List<Directory> directories = directories(chain);
        Directory ifd0 = directories.get(0);
        String format = format(input, ifd0, directories);
        if (format == null) {
            return Optional.empty();
        }
        RawPreview best = null;
        long bestPixels = -1;
        for (Directory directory : directories) {
            RawPreview preview = jpegIn(format, directory, input.length());
            long pixels = preview == null ? -1 : JpegFrames.pixels(input, preview.offset, preview.length);
            if (pixels > bestPixels || pixels > 0 && pixels == bestPixels && preview.length > best.length) {
                best = preview;
                bestPixels = pixels;
            }
        }
        if (best == null) {
            throw new NoPreview(format);
        }
        return Optional.of(best);
    }

    /** IFD0's chain and the SubIFDs of each, at most {@link #MAX_DIRECTORIES}. */
    private static List<Directory> directories(Directory chain) {
        List<Directory> chained = new ArrayList<>();
        if (chain instanceof CompoundDirectory compound) {
            for (int i = 0; i < compound.directoryCount(); i++) {
                chained.add(compound.getDirectory(i));
            }
        } else {
            chained.add(chain);
        }
        List<Directory> all = new ArrayList<>();
        for (Directory directory : chained) {
            all.add(directory);
            Entry subIfds = directory.getEntryById(SUB_IFDS);
            if (subIfds != null && subIfds.getValue() instanceof Directory one) {
                all.add(one);
            } else if (subIfds != null && subIfds.getValue() instanceof Object[] several) {
                for (Object sub : several) {
                    if (sub instanceof Directory subDirectory) {
                        all.add(subDirectory);
                    }
                }
            }
        }
        return all.subList(0, Math.min(all.size(), MAX_DIRECTORIES));
    }

    private static String format(ImageInputStream input, Directory ifd0, List<Directory> directories)
            throws IOException {
        if (ifd0.getEntryById(DNG_VERSION) != null) {
            return "dng";
        }
        byte[] signature = new byte[2];
        input.seek(8);
        if (input.read(signature) == 2 && signature[0] == 'C' && signature[1] == 'R') {
            return "cr2";
        }
        boolean raw = directories.stream().anyMatch(d -> RAW_PHOTOMETRICS.contains((int) number(d, PHOTOMETRIC)));
        if (!raw) {
            return null;
        }
        String make = ifd0.getEntryById(MAKE) != null ? String.valueOf(ifd0.getEntryById(MAKE).getValue()) : "";
        String maker = make.trim().toUpperCase(Locale.ROOT);
        return maker.startsWith("NIKON") ? "nef" : maker.startsWith("SONY") ? "arw" : "raw";
    }

    /** Reads the preview's bytes: a whole JPEG stream. */
    byte[] read(ImageInputStream input) throws IOException {
        byte[] jpeg = new byte[length];
        input.seek(offset);
        input.readFully(jpeg);
        return jpeg;
    }

    private static RawPreview jpegIn(String format, Directory directory, long fileLength) {
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
        return inside ? new RawPreview(format, offset, (int) length) : null;
    }

    /** A single number; -1 when absent, several or not a number. */
    private static long number(Directory directory, int tag) {
        Entry entry = directory.getEntryById(tag);
        return entry != null && entry.getValue() instanceof Number value ? value.longValue() : -1;
    }

    /** A raw file without a JPEG preview: only its raw sensor data, which Gallerist does not develop. */
    static final class NoPreview extends IOException {
        private static final long serialVersionUID = 1L;
        private final String format;

        NoPreview(String format) {
            super("The " + format + " file carries no JPEG preview");
            this.format = format;
        }

        String format() {
            return format;
        }
    }
}
