package org.gallerist.tests.harness;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Camera raw files other than DNG, laid out as Nikon and Canon cameras write them (no Debian tool writes one):
 * <ul>
 * <li>NEF: IFD0 holds a tiny RGB thumbnail, make, model and orientation; its SubIFDs hold the full-size JPEG preview
 * (as a JPEG interchange stream) and the raw sensor data (a colour filter array);</li>
 * <li>CR2: a TIFF header followed by {@code CR} and version 2.0; IFD0 is the full-size JPEG preview (old-style JPEG
 * compression, no photometric tag), IFD1 a small JPEG thumbnail, IFD3 the raw data as a lossless JPEG (SOF3) stream
 * of more pixels than the preview.</li>
 * </ul>
 */
public final class RawFiles {

    private static final String NIKON = "NIKON CORPORATION";

    private RawFiles() {
    }

    public static byte[] nef(byte[] preview, int orientation, String model) {
        Layout data = new Layout(8);
        int thumb = data.add(new byte[] {(byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255, 0, 0});
        int raw = data.add(new byte[] {0, 16, 0, 16, 0, 16, 0, 16});
        int jpeg = data.add(preview);
        TiffIfd previewIfd = new TiffIfd().longs(254, 1).shorts(259, 6).longs(513, jpeg).longs(514, preview.length);
        TiffIfd rawIfd = new TiffIfd().longs(254, 0).longs(256, 2).longs(257, 2).shorts(258, 16).shorts(259, 1)
                .shorts(262, 32803).longs(273, raw).shorts(277, 1).longs(278, 2).longs(279, 8);
        TiffIfd ifd0 = new TiffIfd().longs(254, 1).longs(256, 2).longs(257, 2).shorts(258, 8, 8, 8).shorts(259, 1)
                .shorts(262, 2).ascii(271, NIKON).ascii(272, model).longs(273, thumb).shorts(274, orientation)
                .shorts(277, 3).longs(278, 2).longs(279, 12).withSubIfds(0, 0);
        int ifd0At = data.size();
        int previewAt = ifd0At + ifd0.size(2);
        int rawAt = previewAt + previewIfd.size(0);
        ifd0.withSubIfds(previewAt, rawAt);
        data.out.writeBytes(ifd0.write(ifd0At));
        data.out.writeBytes(previewIfd.write(previewAt));
        data.out.writeBytes(rawIfd.write(rawAt));
        return data.header(ifd0At, null, 0);
    }

    /** @param width and {@code height}: the preview's, which IFD0 states as Canon's cameras do */
    public static byte[] cr2(byte[] preview, int width, int height, byte[] thumbnail, int orientation, String model) {
        Layout data = new Layout(16);
        int jpeg = data.add(preview);
        int thumb = data.add(thumbnail);
        byte[] lossless = losslessJpegHeader(width * 2, height * 2);
        int raw = data.add(lossless);
        TiffIfd ifd0 = new TiffIfd().longs(256, width).longs(257, height).shorts(258, 8, 8, 8).shorts(259, 6)
                .ascii(271, "Canon").ascii(272, model).longs(273, jpeg).shorts(274, orientation)
                .longs(279, preview.length);
        TiffIfd ifd1 = new TiffIfd().shorts(259, 6).longs(513, thumb).longs(514, thumbnail.length);
        TiffIfd ifd3 = new TiffIfd().shorts(259, 6).longs(273, raw).longs(279, lossless.length);
        int ifd0At = data.size();
        int ifd1At = ifd0At + ifd0.size(0);
        int ifd3At = ifd1At + ifd1.size(0);
        data.out.writeBytes(ifd0.write(ifd0At, ifd1At));
        data.out.writeBytes(ifd1.write(ifd1At, ifd3At));
        data.out.writeBytes(ifd3.write(ifd3At));
        return data.header(ifd0At, new byte[] {'C', 'R', 2, 0}, ifd3At);
    }

    /** The start of a lossless (SOF3) JPEG stream: how Canon stores sensor data, not a picture to show. */
    private static byte[] losslessJpegHeader(int width, int height) {
        return ByteBuffer.allocate(2 + 2 + 14 + 2).put((byte) 0xFF).put((byte) 0xD8).put((byte) 0xFF)
                .put((byte) 0xC3).putShort((short) 14).put((byte) 14).putShort((short) height)
                .putShort((short) (width / 2)).put((byte) 2).put(new byte[] {1, 0x11, 0, 2, 0x11, 0})
                .put((byte) 0xFF).put((byte) 0xD9).array();
    }

    /** The file being laid out: the header's room, then values at even offsets, then the directories. */
    private static final class Layout {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Layout(int headerSize) {
            out.writeBytes(new byte[headerSize]);
        }

        int add(byte[] value) {
            int at = out.size();
            out.writeBytes(value);
            if (out.size() % 2 == 1) {
                out.write(0);
            }
            return at;
        }

        int size() {
            return out.size();
        }

        byte[] header(int ifd0At, byte[] signature, int rawIfdAt) {
            byte[] file = out.toByteArray();
            ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'I').put((byte) 'I')
                    .putShort((short) 42).putInt(ifd0At);
            if (signature != null) {
                header.put(signature).putInt(rawIfdAt);
            }
            return file;
        }
    }
}
