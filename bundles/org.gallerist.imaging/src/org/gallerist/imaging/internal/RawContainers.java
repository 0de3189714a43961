package org.gallerist.imaging.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.gallerist.imaging.internal.metadata.MetadataReader;
import org.gallerist.spi.imaging.EmbeddedMetadata;

/**
 * The camera raw files that are not TIFF files, each shown by the full-size JPEG its camera embeds (as
 * {@link RawPreview} does for the TIFF-based ones): Canon's CR3 (an ISO base media file; the JPEG is the first
 * track's sample), Fujifilm's RAF (a header pointing at the JPEG), Olympus' and OM System's ORF (a TIFF with its own
 * magic number; the JPEG is named in the maker note's camera settings) and Panasonic's RW2 (a TIFF with its own magic
 * number; the JPEG is the JpgFromRaw entry of IFD0). Only the layout is read here; the JPEG is checked like any
 * other.
 */
final class RawContainers {

    /** The formats, in the order {@code server info} lists them. */
    static final List<String> FORMATS = List.of("cr3", "raf", "orf", "rw2");

    /**
     * A raw file's JPEG, and what its container says about it.
     *
     * @param orientation the EXIF orientation the container gives, or 0 when the JPEG's own EXIF says it
     * @param exif        a TIFF structure with the camera's EXIF (CR3's CMT1), or null when the JPEG carries it
     * @param xmp         the XMP packet the container holds, or null
     */
    record Found(RawPreview preview, int orientation, byte[] exif, byte[] xmp) {
    }

    private static final byte[] RAF_MAGIC = "FUJIFILMCCD-RAW ".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] OLYMPUS = "OLYMPUS\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] OM_SYSTEM = "OM SYSTEM\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int ORF_MAGIC = 0x4F52;
    private static final int ORF_MAGIC_OTHER = 0x5352;
    private static final int RW2_MAGIC = 0x55;
    private static final int ORIENTATION = 274;
    private static final int EXIF_IFD = 0x8769;
    private static final int MAKER_NOTE = 0x927C;
    private static final int JPG_FROM_RAW = 0x2E;
    private static final int CAMERA_SETTINGS = 0x2020;
    private static final int PREVIEW_START = 0x101;
    private static final int PREVIEW_LENGTH = 0x102;

    private RawContainers() {
    }

    /**
     * The JPEG of a CR3, RAF, ORF or RW2 file; leaves the stream's position undefined.
     *
     * @return empty for any other file
     * @throws RawPreview.NoPreview for such a raw file that names no JPEG (or one outside the file)
     */
    static Optional<Found> find(ImageInputStream input) throws IOException {
        byte[] head = new byte[16];
        input.seek(0);
        input.setByteOrder(ByteOrder.BIG_ENDIAN);
        if (input.read(head) < head.length) {
            return Optional.empty();
        }
        if (Arrays.equals(head, RAF_MAGIC)) {
            return Optional.of(raf(input));
        }
        if ("ftyp".equals(ascii(head, 4)) && "crx ".equals(ascii(head, 8))) {
            return Optional.of(Cr3Boxes.read(input));
        }
        boolean little = head[0] == 'I' && head[1] == 'I';
        if (!little && !(head[0] == 'M' && head[1] == 'M')) {
            return Optional.empty();
        }
        int magic = little ? (head[2] & 0xFF | (head[3] & 0xFF) << 8) : ((head[2] & 0xFF) << 8 | head[3] & 0xFF);
        input.setByteOrder(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        input.seek(4);
        long ifd0 = input.readUnsignedInt();
        if (magic == RW2_MAGIC) {
            return Optional.of(rw2(input, ifd0));
        }
        if (magic == ORF_MAGIC || magic == ORF_MAGIC_OTHER) {
            return Optional.of(orf(input, ifd0));
        }
        return Optional.empty();
    }

    /**
     * What the raw file says of itself: CR3's EXIF and XMP boxes, ORF's and RW2's TIFF directories (read past their
     * magic number), and for RAF the JPEG's own EXIF (Fujifilm's camera JPEG is complete).
     */
    static EmbeddedMetadata metadata(ImageInputStream input, Found found) throws IOException {
        return switch (found.preview().format()) {
        case "cr3" -> MetadataReader.of(found.exif(), found.xmp(), null);
        case "orf", "rw2" -> MetadataReader.read(new TiffMagicView(input), "tiff");
        default -> MetadataReader.read(new MemoryCacheImageInputStream(
                new ByteArrayInputStream(found.preview().read(input))), "jpeg");
        };
    }

    /** Fujifilm: the JPEG's offset and length, big-endian, at 84 (after version, camera id and name). */
    private static Found raf(ImageInputStream input) throws IOException {
        input.seek(84);
        return new Found(preview("raf", input, input.readUnsignedInt(), input.readUnsignedInt()), 0, null, null);
    }

    private static Found rw2(ImageInputStream input, long ifd0) throws IOException {
        IfdEntries entries = IfdEntries.read(input, ifd0);
        IfdEntries.Entry jpeg = entries.get(JPG_FROM_RAW);
        if (jpeg == null) {
            throw new RawPreview.NoPreview("rw2");
        }
        return new Found(preview("rw2", input, jpeg.value(), jpeg.count()), (int) entries.number(ORIENTATION), null,
                null);
    }

    /**
     * Olympus keeps the preview in its maker note: a header ("OLYMPUS", or "OM SYSTEM" since 2022), its own byte
     * order and a directory whose offsets count from the note's start; the CameraSettings directory in it gives the
     * JPEG's start (from the note's start too) and length.
     */
    private static Found orf(ImageInputStream input, long ifd0) throws IOException {
        IfdEntries entries = IfdEntries.read(input, ifd0);
        IfdEntries.Entry exifIfd = entries.get(EXIF_IFD);
        IfdEntries.Entry note = exifIfd == null ? null : IfdEntries.read(input, exifIfd.value()).get(MAKER_NOTE);
        if (note == null || note.count() < OM_SYSTEM.length + 4) {
            throw new RawPreview.NoPreview("orf");
        }
        long start = note.value();
        byte[] header = new byte[OM_SYSTEM.length + 4];
        input.seek(start);
        input.readFully(header);
        int headerLength = startsWith(header, OLYMPUS) ? OLYMPUS.length + 4
                : startsWith(header, OM_SYSTEM) ? OM_SYSTEM.length + 4 : -1;
        if (headerLength < 0) {
            throw new RawPreview.NoPreview("orf");
        }
        ByteOrder fileOrder = input.getByteOrder();
        int orderAt = headerLength - 4;
        input.setByteOrder(header[orderAt] == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        IfdEntries.Entry settings = IfdEntries.read(input, start + headerLength).get(CAMERA_SETTINGS);
        if (settings == null) {
            throw new RawPreview.NoPreview("orf");
        }
        IfdEntries camera = IfdEntries.read(input, start + settings.value());
        long jpegStart = camera.number(PREVIEW_START);
        long jpegLength = camera.number(PREVIEW_LENGTH);
        input.setByteOrder(fileOrder);
        if (jpegStart <= 0 || jpegLength <= 0) {
            throw new RawPreview.NoPreview("orf");
        }
        return new Found(preview("orf", input, start + jpegStart, jpegLength), (int) entries.number(ORIENTATION),
                null, null);
    }

    /** The JPEG at {@code offset}, when it lies inside the file and looks like one (SOI). */
    static RawPreview preview(String format, ImageInputStream input, long offset, long length) throws IOException {
        boolean inside = offset > 0 && length > 4 && length <= RawPreview.MAX_LENGTH
                && offset + length <= input.length();
        if (!inside) {
            throw new RawPreview.NoPreview(format);
        }
        input.seek(offset);
        ByteOrder order = input.getByteOrder();
        input.setByteOrder(ByteOrder.BIG_ENDIAN);
        int soi = input.readUnsignedShort();
        input.setByteOrder(order);
        if (soi != 0xFFD8) {
            throw new RawPreview.NoPreview(format);
        }
        return new RawPreview(format, offset, (int) length);
    }

    static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
