package org.gallerist.imaging.internal.shared;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The one EXIF fact a copy for others keeps: how to turn the pixels upright. A TIFF structure (little-endian) whose
 * first IFD has the Orientation tag alone, for a JPEG's APP1 or a PNG's eXIf chunk.
 */
final class MinimalExif {

    private static final int ORIENTATION = 0x0112;

    private MinimalExif() {
    }

    /** The TIFF bytes; {@code orientation} is 2–8 (1, upright, needs no EXIF at all). */
    static byte[] tiff(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8); // the header; IFD0 at offset 8
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) ORIENTATION).putShort((short) 3).putInt(1); // SHORT, one value
        tiff.putShort((short) orientation).putShort((short) 0); // the value, left-justified in its 4 bytes
        tiff.putInt(0); // no next IFD
        return tiff.array();
    }

    /** A whole JPEG APP1 segment, marker included. */
    static byte[] jpegSegment(int orientation) {
        byte[] tiff = tiff(orientation);
        byte[] id = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + id.length + tiff.length;
        return ByteBuffer.allocate(2 + length).put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(id)
                .put(tiff).array();
    }

    /**
     * The orientation (1–8) in EXIF's TIFF bytes, read without a library: IFD0's Orientation entry; 1 where there is
     * none or the bytes make no sense.
     */
    static int orientation(byte[] tiff, int start) {
        try {
            ByteBuffer in = ByteBuffer.wrap(tiff);
            if (tiff[start] == 'I' && tiff[start + 1] == 'I') {
                in.order(ByteOrder.LITTLE_ENDIAN);
            } else if (tiff[start] != 'M' || tiff[start + 1] != 'M') {
                return 1;
            }
            long ifd = Integer.toUnsignedLong(in.getInt(start + 4));
            int count = in.getShort((int) (start + ifd)) & 0xFFFF;
            for (int i = 0; i < count; i++) {
                int entry = (int) (start + ifd + 2 + 12L * i);
                if ((in.getShort(entry) & 0xFFFF) == ORIENTATION && (in.getShort(entry + 2) & 0xFFFF) == 3) {
                    int value = in.getShort(entry + 8) & 0xFFFF;
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
            return 1;
        } catch (IndexOutOfBoundsException e) {
            return 1;
        }
    }
}
