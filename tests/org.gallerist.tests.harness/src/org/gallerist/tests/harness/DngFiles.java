package org.gallerist.tests.harness;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * DNG files made here, laid out as cameras and converters write them: IFD0 holds a tiny RGB thumbnail, the DNG
 * version, make, model and orientation; its SubIFDs hold the raw sensor data (a colour filter array) and a full-size
 * JPEG preview. No Debian tool writes a DNG from a picture, so the structure is built by hand (Adobe's DNG 1.4 spec).
 */
public final class DngFiles {

    private DngFiles() {
    }

    /**
     * @param preview     a JPEG of {@code width}×{@code height}, or {@code null} for a DNG with raw data only
     * @param orientation the TIFF orientation (1–8) of the raw data and its previews
     */
    public static byte[] dng(byte[] preview, int width, int height, int orientation, String make, String model) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(new byte[8]); // the header, written last
        int thumbOffset = data.size();
        data.writeBytes(new byte[] {(byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255, 0, 0});
        int rawOffset = data.size();
        data.writeBytes(new byte[] {0, 16, 0, 16, 0, 16, 0, 16});
        int previewOffset = data.size();
        if (preview != null) {
            data.writeBytes(preview);
        }
        if (data.size() % 2 == 1) {
            data.write(0);
        }
        TiffIfd raw = new TiffIfd().longs(254, 0).longs(256, 2).longs(257, 2).shorts(258, 16).shorts(259, 1)
                .shorts(262, 32803).longs(273, rawOffset).shorts(277, 1).longs(278, 2).longs(279, 8);
        TiffIfd full = preview == null ? null : new TiffIfd().longs(254, 1).longs(256, width).longs(257, height)
                .shorts(258, 8, 8, 8).shorts(259, 7).shorts(262, 6).longs(273, previewOffset).shorts(277, 3)
                .longs(278, height).longs(279, preview.length);
        int ifd0Offset = data.size();
        TiffIfd ifd0 = new TiffIfd().longs(254, 1).longs(256, 2).longs(257, 2).shorts(258, 8, 8, 8).shorts(259, 1)
                .shorts(262, 2).ascii(271, make).ascii(272, model).longs(273, thumbOffset).shorts(274, orientation)
                .shorts(277, 3).longs(278, 2).longs(279, 12).bytes(50706, 1, 4, 0, 0);
        int ifd0Size = ifd0.withSubIfds(0, 0).size(preview == null ? 1 : 2);
        int rawOffsetIfd = ifd0Offset + ifd0Size;
        int fullOffsetIfd = rawOffsetIfd + raw.size(0);
        ifd0.withSubIfds(rawOffsetIfd, preview == null ? -1 : fullOffsetIfd);
        data.writeBytes(ifd0.write(ifd0Offset));
        data.writeBytes(raw.write(rawOffsetIfd));
        if (full != null) {
            data.writeBytes(full.write(fullOffsetIfd));
        }
        byte[] file = data.toByteArray();
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'I').put((byte) 'I').putShort((short) 42)
                .putInt(ifd0Offset);
        return file;
    }
}
