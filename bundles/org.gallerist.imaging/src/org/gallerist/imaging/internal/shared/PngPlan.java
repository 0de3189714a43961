package org.gallerist.imaging.internal.shared;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The copy of a PNG for others: chunks are kept only if decoding, colour or animation need them; text (tEXt, zTXt,
 * iTXt: XMP lives there), eXIf (reduced to its orientation), tIME and every unknown ancillary chunk are dropped, and
 * nothing after IEND is kept. Critical chunks are never dropped (a decoder must understand them).
 */
final class PngPlan {

    private static final Set<String> KEPT_ANCILLARY = Set.of("tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD",
            "pHYs", "hIST", "sPLT", "acTL", "fcTL", "fdAT", "cICP", "mDCv", "cLLi");

    private PngPlan() {
    }

    static Edits plan(Cursor in) throws IOException {
        Edits edits = new Edits();
        in.bytes(8); // the signature, checked when the upload was accepted
        while (true) {
            long start = in.position();
            long length = in.u32();
            String type = in.fourCc();
            long end = start + 12 + length;
            if ("IEND".equals(type)) {
                edits.removeFrom(end);
                return edits;
            }
            if ("eXIf".equals(type) && length <= 1 << 20) {
                int orientation = MinimalExif.orientation(in.bytes((int) length), 0);
                edits.replace(start, end - start, orientation == 1 ? new byte[0] : chunk("eXIf",
                        MinimalExif.tiff(orientation)));
            } else if (Character.isLowerCase(type.charAt(0)) && !KEPT_ANCILLARY.contains(type)) {
                edits.remove(start, end - start);
            }
            in.seek(end);
        }
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data)
                .putInt((int) crc.getValue()).array();
    }
}
