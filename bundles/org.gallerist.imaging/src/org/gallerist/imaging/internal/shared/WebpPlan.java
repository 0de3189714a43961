package org.gallerist.imaging.internal.shared;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;

/**
 * The copy of a WebP for others: the RIFF chunks that carry pixels, alpha, animation and the ICC profile are kept;
 * EXIF, XMP and unknown chunks are dropped, the extended header's EXIF and XMP flags cleared and the RIFF size set
 * to what remains.
 */
final class WebpPlan {

    private static final Set<String> KEPT = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");
    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;

    private WebpPlan() {
    }

    static Edits plan(Cursor in) throws IOException {
        in.littleEndian(true);
        Edits edits = new Edits();
        if (!"RIFF".equals(in.fourCc())) {
            throw new IOException("Not a RIFF file");
        }
        long riffSize = in.u32();
        if (!"WEBP".equals(in.fourCc())) {
            throw new IOException("Not a WebP file");
        }
        long end = 8 + riffSize;
        long removed = 0;
        while (in.position() + 8 <= end) {
            long start = in.position();
            String type = in.fourCc();
            long size = in.u32();
            long next = start + 8 + size + (size & 1);
            if ("VP8X".equals(type) && size >= 1) {
                int flags = in.u8();
                edits.replace(start + 8, 1, new byte[] {(byte) (flags & ~(EXIF_FLAG | XMP_FLAG))});
            } else if (!KEPT.contains(type)) {
                edits.remove(start, Math.min(next, end) - start);
                removed += Math.min(next, end) - start;
            }
            in.seek(next);
        }
        edits.removeFrom(end);
        byte[] size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) (riffSize - removed)).array();
        edits.replace(4, 4, size);
        return edits;
    }
}
