package org.gallerist.imaging.internal.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The copy of a JPEG for others, without re-encoding: the marker segments are walked and only what decoding and
 * colour need is kept (JFIF, ICC profile, Adobe's colour transform, tables, frames, scans); EXIF becomes a minimal
 * EXIF with the orientation alone; XMP, extended XMP, IPTC/Photoshop, comments, multi-picture data, every other APPn
 * and whatever follows the end of the image (trailers, embedded second images, motion-photo videos) are dropped.
 */
final class JpegPlan {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int COM = 0xFE;

    private JpegPlan() {
    }

    static Edits plan(Cursor in) throws IOException {
        Edits edits = new Edits();
        if (in.u8() != 0xFF || in.u8() != SOI) {
            throw new IOException("Not a JPEG");
        }
        boolean exifSeen = false;
        int marker = nextMarker(in);
        while (true) {
            long start = in.position() - 2;
            if (marker == EOI) {
                edits.removeFrom(in.position());
                return edits;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                marker = nextMarker(in);
                continue;
            }
            int length = in.u16();
            if (length < 2) {
                throw new IOException("A JPEG segment of length " + length);
            }
            byte[] payload = in.bytes(length - 2); // at most 64 KiB
            long end = start + 2 + length;
            String id = new String(payload, 0, Math.min(payload.length, 32), StandardCharsets.ISO_8859_1);
            if (marker == APP1 && id.startsWith("Exif\0") && !exifSeen) {
                exifSeen = true;
                int orientation = payload.length > 14 ? MinimalExif.orientation(payload, 6) : 1;
                edits.replace(start, end - start, orientation == 1 ? new byte[0]
                        : MinimalExif.jpegSegment(orientation));
            } else if (marker >= APP0 && marker <= 0xEF || marker == COM) {
                if (!kept(marker, id)) {
                    edits.remove(start, end - start);
                }
            }
            marker = marker == SOS ? markerAfterScan(in) : nextMarker(in);
        }
    }

    private static boolean kept(int marker, String id) {
        return marker == APP0 && (id.startsWith("JFIF\0") || id.startsWith("JFXX\0"))
                || marker == APP2 && id.startsWith("ICC_PROFILE\0")
                || marker == APP14 && id.startsWith("Adobe");
    }

    /** The marker after fill bytes; the cursor is then after it. */
    private static int nextMarker(Cursor in) throws IOException {
        if (in.u8() != 0xFF) {
            throw new IOException("A JPEG marker was expected at " + (in.position() - 1));
        }
        int marker;
        do {
            marker = in.u8();
        } while (marker == 0xFF);
        return marker;
    }

    /** Walks entropy-coded data (stuffed FF00 and restart markers included) to the marker that ends it. */
    private static int markerAfterScan(Cursor in) throws IOException {
        while (true) {
            if (!in.skipPast(0xFF)) {
                throw new java.io.EOFException("The JPEG ends inside a scan");
            }
            int marker;
            do {
                marker = in.u8();
            } while (marker == 0xFF);
            if (marker != 0x00 && (marker < 0xD0 || marker > 0xD7)) {
                return marker;
            }
        }
    }
}
