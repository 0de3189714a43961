package org.gallerist.imaging.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.HexFormat;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Canon's CR3, an ISO base media file of brand {@code crx }: the movie box's first track is the camera's full-size
 * JPEG (one sample: its offset from {@code co64} or {@code stco}, its length from {@code stsz}); Canon's header box
 * in the movie box holds the EXIF IFD0 as a TIFF structure ({@code CMT1}), and a top-level box the XMP packet. The
 * boxes are walked within their parents' bounds, at most {@link #MAX_BOXES} of them.
 */
final class Cr3Boxes {

    private static final String CANON_HEADER = "85c0b687820f11e08111f4ce462b6a48";
    private static final String XMP = "be7acfcb97a942e89c71999491e3afac";
    private static final int MAX_BOXES = 256;
    /** EXIF and XMP blocks are a few KB; a larger one is not read. */
    private static final int MAX_BLOCK = 1 << 20;

    private final ImageInputStream input;
    private int boxes;
    private long jpegOffset = -1;
    private long jpegLength = -1;
    private byte[] exif;
    private byte[] xmp;

    private Cr3Boxes(ImageInputStream input) {
        this.input = input;
    }

    static RawContainers.Found read(ImageInputStream input) throws IOException {
        input.setByteOrder(ByteOrder.BIG_ENDIAN);
        Cr3Boxes file = new Cr3Boxes(input);
        file.walk(0, input.length(), "");
        RawPreview preview = RawContainers.preview("cr3", input, file.jpegOffset, file.jpegLength);
        return new RawContainers.Found(preview, file.exif == null ? 0 : orientation(file.exif), file.exif, file.xmp);
    }

    /** The boxes between {@code start} and {@code end}, inside the boxes named by {@code path}. */
    private void walk(long start, long end, String path) throws IOException {
        long at = start;
        while (at + 8 <= end && boxes++ < MAX_BOXES) {
            input.seek(at);
            long size = input.readUnsignedInt();
            String type = RawContainers.ascii(readBytes(4), 0);
            long header = 8;
            if (size == 1) {
                size = input.readLong();
                header = 16;
            } else if (size == 0) {
                size = end - at;
            }
            if (size < header || at + size > end) {
                throw new IOException("A box overruns its parent");
            }
            visit(path + "/" + type, at + header, at + size);
            at += size;
        }
    }

    private void visit(String path, long start, long end) throws IOException {
        switch (path) {
        case "/moov", "/moov/trak/mdia", "/moov/trak/mdia/minf", "/moov/trak/mdia/minf/stbl" -> walk(start, end, path);
        case "/moov/trak" -> {
            if (jpegOffset < 0) { // the first track only: the full-size JPEG
                walk(start, end, path);
            }
        }
        case "/moov/uuid", "/uuid" -> {
            String uuid = HexFormat.of().formatHex(readBytes(16));
            if (CANON_HEADER.equals(uuid)) {
                walk(start + 16, end, "/canon");
            } else if (XMP.equals(uuid) && end - start - 16 <= MAX_BLOCK) {
                xmp = readBytes((int) (end - start - 16));
            }
        }
        case "/canon/CMT1" -> {
            if (end - start <= MAX_BLOCK) {
                exif = readBytes((int) (end - start));
            }
        }
        case "/moov/trak/mdia/minf/stbl/stsz" -> {
            input.skipBytes(4); // version and flags
            long sampleSize = input.readUnsignedInt();
            long count = input.readUnsignedInt();
            jpegLength = sampleSize != 0 ? sampleSize : count > 0 ? input.readUnsignedInt() : -1;
        }
        case "/moov/trak/mdia/minf/stbl/co64", "/moov/trak/mdia/minf/stbl/stco" -> {
            input.skipBytes(4);
            if (input.readUnsignedInt() > 0) {
                jpegOffset = path.endsWith("co64") ? input.readLong() : input.readUnsignedInt();
            }
        }
        default -> {
            // other boxes say nothing about the preview
        }
        }
    }

    private byte[] readBytes(int length) throws IOException {
        byte[] bytes = new byte[length];
        input.readFully(bytes);
        return bytes;
    }

    /** IFD0's orientation in a TIFF structure; 0 when it has none. */
    private static int orientation(byte[] tiff) {
        try (ImageInputStream structure = new MemoryCacheImageInputStream(new ByteArrayInputStream(tiff))) {
            structure.setByteOrder(tiff[0] == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            structure.seek(4);
            long orientation = IfdEntries.read(structure, structure.readUnsignedInt()).number(274);
            return orientation > 0 ? (int) orientation : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
