package org.gallerist.imaging.internal.shared;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The copy of a HEIC/HEIF or AVIF for others, in place: the items an ISO-BMFF {@code meta} box declares as
 * {@code Exif} or as XMP ({@code mime}, {@code application/rdf+xml}) have their bytes overwritten with zeros where
 * {@code iloc} locates them (in the file or in {@code idat}); the boxes keep their sizes, so every offset stays
 * right and the coded pixels are untouched. Rotation and mirroring ({@code irot}, {@code imir}) are item properties
 * and stay.
 */
final class HeifPlan {

    private static final int MAX_BOX_HEADER = 1 << 20;

    private final Cursor in;
    private final Set<Long> personalItems = new HashSet<>();
    private final Map<Long, long[][]> locations = new HashMap<>();
    private final Map<Long, Integer> constructions = new HashMap<>();
    private long idatStart = -1;

    private HeifPlan(Cursor in) {
        this.in = in;
    }

    static Edits plan(Cursor in) throws IOException {
        HeifPlan plan = new HeifPlan(in);
        long start = 0;
        while (true) {
            in.seek(start);
            int b = in.read();
            if (b < 0) {
                break;
            }
            long size = (long) b << 24 | (long) in.u8() << 16 | (long) in.u8() << 8 | in.u8();
            String type = in.fourCc();
            long header = 8;
            if (size == 1) {
                size = in.unsigned(8);
                header = 16;
            }
            if ("meta".equals(type)) {
                plan.meta(start + header + 4, start + (size == 0 ? Long.MAX_VALUE / 4 : size));
            }
            if (size == 0) {
                break;
            }
            if (size < header) {
                throw new IOException("A box of " + size + " bytes");
            }
            start += size;
        }
        Edits edits = new Edits();
        for (long item : plan.personalItems) {
            long[][] extents = plan.locations.get(item);
            if (extents == null) {
                continue; // declared but stored nowhere
            }
            int construction = plan.constructions.getOrDefault(item, 0);
            if (construction == 1 && plan.idatStart < 0 || construction > 1) {
                throw new IOException("A metadata item stored in a way this copy cannot empty (" + construction + ")");
            }
            long base = construction == 1 ? plan.idatStart : 0;
            for (long[] extent : extents) {
                if (extent[1] == 0) {
                    throw new IOException("A metadata item that runs to the end of its source");
                }
                edits.zero(base + extent[0], extent[1]);
            }
        }
        return edits;
    }

    /** The children of a {@code meta} box (after its version and flags) from {@code from} to {@code end}. */
    private void meta(long from, long end) throws IOException {
        for (long start = from; start + 8 <= end; ) {
            in.seek(start);
            long size = in.u32();
            String type = in.fourCc();
            if (size < 8) {
                throw new IOException("A box of " + size + " bytes in meta");
            }
            switch (type) {
            case "iinf" -> itemInfo(start + 8, start + size);
            case "iloc" -> itemLocations();
            case "idat" -> idatStart = start + 8;
            default -> {
                // hdlr, pitm, iprp, iref, ...: nothing personal, or not what is emptied here
            }
            }
            start += size;
        }
    }

    private void itemInfo(long from, long end) throws IOException {
        in.seek(from);
        int version = in.u8();
        in.bytes(3);
        long count = version == 0 ? in.u16() : in.u32();
        long start = in.position();
        for (long i = 0; i < count && start + 8 <= end; i++) {
            in.seek(start);
            long size = in.u32();
            String type = in.fourCc();
            if (size < 8 || size > MAX_BOX_HEADER) {
                throw new IOException("An item info box of " + size + " bytes");
            }
            if ("infe".equals(type)) {
                int infeVersion = in.u8();
                in.bytes(3);
                if (infeVersion >= 2) {
                    long id = infeVersion == 2 ? in.u16() : in.u32();
                    in.u16(); // protection index
                    String itemType = in.fourCc();
                    if ("Exif".equals(itemType)) {
                        personalItems.add(id);
                    } else if ("mime".equals(itemType)) {
                        text(start + size); // the item's name
                        if (text(start + size).startsWith("application/rdf+xml")) {
                            personalItems.add(id);
                        }
                    }
                }
            }
            start += size;
        }
    }

    /** A null-terminated string from here, not read past {@code end}. */
    private String text(long end) throws IOException {
        StringBuilder text = new StringBuilder();
        while (in.position() < end) {
            int b = in.u8();
            if (b == 0) {
                break;
            }
            text.append((char) b);
        }
        return text.toString();
    }

    private void itemLocations() throws IOException {
        int version = in.u8();
        in.bytes(3);
        int sizes = in.u16();
        int offsetSize = sizes >> 12 & 0xF;
        int lengthSize = sizes >> 8 & 0xF;
        int baseOffsetSize = sizes >> 4 & 0xF;
        int indexSize = version == 1 || version == 2 ? sizes & 0xF : 0;
        long count = version < 2 ? in.u16() : in.u32();
        for (long i = 0; i < count; i++) {
            long id = version < 2 ? in.u16() : in.u32();
            int construction = version == 1 || version == 2 ? in.u16() & 0xF : 0;
            in.u16(); // data reference index
            long base = in.unsigned(baseOffsetSize);
            int extents = in.u16();
            long[][] located = new long[extents][];
            for (int e = 0; e < extents; e++) {
                in.unsigned(indexSize);
                long offset = in.unsigned(offsetSize);
                long length = in.unsigned(lengthSize);
                located[e] = new long[] {base + offset, length};
            }
            locations.put(id, located);
            constructions.put(id, construction);
        }
    }
}
