package org.gallerist.imaging.internal.shared;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The copy of a TIFF for others, in place: offsets point everywhere in a TIFF, so nothing is removed; instead the
 * values of personal tags are overwritten with zeros (empty strings, empty blobs) and the EXIF, GPS and
 * interoperability IFDs with everything they point to become empty IFDs. Pixels, their layout and the orientation
 * stay as they are. IFD0 and every further page are treated alike.
 */
final class TiffPlan {

    private static final int EXIF_IFD = 34665;
    private static final int GPS_IFD = 34853;
    private static final int INTEROP_IFD = 40965;
    /** ImageDescription, Make, Model, DateTime, Artist, HostComputer, XMP, IPTC, Photoshop resources. */
    private static final Set<Integer> PERSONAL = Set.of(270, 271, 272, 306, 315, 316, 700, 33723, 34377);
    private static final int MAX_IFDS = 10_000;
    private static final int MAX_ENTRIES = 4096;
    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};

    private final Cursor in;
    private final Edits edits = new Edits();
    private final Set<Long> visited = new HashSet<>();

    private TiffPlan(Cursor in) {
        this.in = in;
    }

    static Edits plan(Cursor in) throws IOException {
        int order = in.u16();
        if (order != 0x4949 && order != 0x4D4D) {
            throw new IOException("Not a TIFF");
        }
        in.littleEndian(order == 0x4949);
        if (in.u16() != 42) {
            throw new IOException("Not a classic TIFF (BigTIFF is not supported)");
        }
        TiffPlan plan = new TiffPlan(in);
        for (long ifd = in.u32(); ifd != 0; ) {
            ifd = plan.page(ifd);
        }
        return plan.edits;
    }

    /** One page's IFD; returns the next page's offset (0: none). */
    private long page(long offset) throws IOException {
        for (Entry entry : entries(offset)) {
            if (entry.tag() == EXIF_IFD || entry.tag() == GPS_IFD) {
                emptied(entry.value());
            } else if (PERSONAL.contains(entry.tag())) {
                zeroValue(entry);
            }
        }
        in.seek(offset + 2 + 12L * count(offset));
        return in.u32();
    }

    /** A sub-IFD (EXIF, GPS, interoperability) and every value it points to, zeroed: an empty IFD remains. */
    private void emptied(long offset) throws IOException {
        int count = count(offset);
        for (Entry entry : entries(offset)) {
            if (entry.tag() == INTEROP_IFD) {
                emptied(entry.value());
            }
            zeroValue(entry);
        }
        edits.zero(offset, 2 + 12L * count + 4);
    }

    private void zeroValue(Entry entry) throws IOException {
        if (entry.bytes() <= 4) {
            edits.zero(entry.at() + 8, 4);
        } else {
            edits.zero(entry.value(), entry.bytes());
        }
    }

    private record Entry(long at, int tag, long bytes, long value) {
    }

    private int count(long offset) throws IOException {
        in.seek(offset);
        int count = in.u16();
        if (count > MAX_ENTRIES) {
            throw new IOException("A TIFF directory of " + count + " entries");
        }
        return count;
    }

    private java.util.List<Entry> entries(long offset) throws IOException {
        if (!visited.add(offset) || visited.size() > MAX_IFDS) {
            throw new IOException("A TIFF directory chain that loops or never ends");
        }
        int count = count(offset);
        java.util.List<Entry> entries = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long at = in.position();
            int tag = in.u16();
            int type = in.u16();
            long values = in.u32();
            long value = in.u32();
            long bytes = values * (type < TYPE_SIZES.length ? Math.max(1, TYPE_SIZES[type]) : 1);
            if (bytes > Integer.MAX_VALUE) {
                throw new IOException("A TIFF value of " + bytes + " bytes");
            }
            entries.add(new Entry(at, tag, bytes, value));
        }
        return entries;
    }
}
