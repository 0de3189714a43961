package org.gallerist.imaging.internal.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The copy of a GIF for others: comment extensions and application extensions other than looping (NETSCAPE2.0,
 * ANIMEXTS1.0) and the ICC profile (ICCRGBG1) are dropped, XMP among them; nothing after the trailer is kept.
 */
final class GifPlan {

    private GifPlan() {
    }

    static Edits plan(Cursor in) throws IOException {
        in.littleEndian(true);
        Edits edits = new Edits();
        in.bytes(6); // GIF87a or GIF89a
        in.u16();
        in.u16();
        int packed = in.u8();
        in.bytes(2);
        if ((packed & 0x80) != 0) {
            in.skip(3L * (1 << ((packed & 0x07) + 1)));
        }
        while (true) {
            long start = in.position();
            int block = in.u8();
            switch (block) {
            case 0x3B -> {
                edits.removeFrom(in.position());
                return edits;
            }
            case 0x2C -> {
                in.bytes(8);
                int local = in.u8();
                if ((local & 0x80) != 0) {
                    in.skip(3L * (1 << ((local & 0x07) + 1)));
                }
                in.u8(); // LZW minimum code size
                skipSubBlocks(in);
            }
            case 0x21 -> {
                int label = in.u8();
                String application = "";
                if (label == 0xFF) {
                    int size = in.u8();
                    application = new String(in.bytes(size), StandardCharsets.ISO_8859_1);
                }
                skipSubBlocks(in);
                boolean kept = label == 0xF9 || label == 0x01 // graphic control, plain text
                        || label == 0xFF && (application.startsWith("NETSCAPE2.0")
                                || application.startsWith("ANIMEXTS1.0") || application.startsWith("ICCRGBG1"));
                if (!kept) {
                    edits.remove(start, in.position() - start);
                }
            }
            default -> throw new IOException("A GIF block of type " + block);
            }
        }
    }

    private static void skipSubBlocks(Cursor in) throws IOException {
        for (int size = in.u8(); size != 0; size = in.u8()) {
            in.skip(size);
        }
    }
}
