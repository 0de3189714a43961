package org.gallerist.imaging.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Hand-made TIFFs whose directory chain is hostile: many pages, or a last page pointing back at the first (a loop
 * that a naive reader follows for ever). Every page is the same 2×2 grey picture.
 */
final class TiffChains {

    private static final int ENTRIES = 9;
    private static final int IFD_SIZE = 2 + ENTRIES * 12 + 4;
    private static final int FIRST_IFD = 12;

    private TiffChains() {
    }

    /** {@code pages} directories; with {@code loop}, the last one's "next" is the first again. */
    static byte[] chain(int pages, boolean loop) {
        ByteBuffer tiff = ByteBuffer.allocate(FIRST_IFD + pages * IFD_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(FIRST_IFD);
        tiff.put(new byte[] {0x10, (byte) 0x80, (byte) 0xC0, (byte) 0xFF}); // the pixels, at offset 8
        for (int page = 0; page < pages; page++) {
            int offset = FIRST_IFD + page * IFD_SIZE;
            int next = page < pages - 1 ? offset + IFD_SIZE : loop ? FIRST_IFD : 0;
            tiff.putShort((short) ENTRIES);
            entry(tiff, 256, 3, 2);   // width
            entry(tiff, 257, 3, 2);   // height
            entry(tiff, 258, 3, 8);   // bits per sample
            entry(tiff, 259, 3, 1);   // no compression
            entry(tiff, 262, 3, 1);   // black is zero
            entry(tiff, 273, 4, 8);   // strip offset
            entry(tiff, 277, 3, 1);   // samples per pixel
            entry(tiff, 278, 3, 2);   // rows per strip
            entry(tiff, 279, 4, 4);   // strip byte count
            tiff.putInt(next);
        }
        return tiff.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            tiff.putShort((short) value).putShort((short) 0);
        } else {
            tiff.putInt(value);
        }
    }
}
