package org.gallerist.imaging.internal.shared;

import java.io.IOException;
import java.util.Set;

/**
 * ISO base media boxes as JPEG XL's container uses them: a sequence of boxes no offset points into, so metadata boxes
 * (Exif, XMP's "xml ", JUMBF, Brotli-compressed ones, and the JPEG reconstruction data, which holds the APP segments
 * of the JPEG it came from) are dropped whole. A bare JPEG XL codestream has no metadata and is kept as it is.
 */
final class BoxPlan {

    private static final Set<String> KEPT_JXL = Set.of("JXL ", "ftyp", "jxll", "jxlc", "jxlp", "jxli");

    private BoxPlan() {
    }

    static Edits jxl(Cursor in) throws IOException {
        Edits edits = new Edits();
        int first = in.u8();
        int second = in.u8();
        if (first == 0xFF && second == 0x0A) {
            return edits; // a bare codestream
        }
        in.seek(0);
        while (true) {
            long start = in.position();
            int b = in.read();
            if (b < 0) {
                return edits;
            }
            long size = (long) b << 24 | (long) in.u8() << 16 | (long) in.u8() << 8 | in.u8();
            String type = in.fourCc();
            if (size == 1) {
                size = in.unsigned(8);
            }
            if (size == 0) { // to the end of the file
                if (!KEPT_JXL.contains(type)) {
                    edits.removeFrom(start);
                }
                return edits;
            }
            if (size < 8) {
                throw new IOException("A box of " + size + " bytes");
            }
            if (!KEPT_JXL.contains(type)) {
                edits.remove(start, size);
            }
            in.seek(start + size);
        }
    }
}
