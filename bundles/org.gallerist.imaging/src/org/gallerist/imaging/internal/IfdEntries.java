package org.gallerist.imaging.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.stream.ImageInputStream;

/**
 * One TIFF-style directory read in the stream's byte order, for the raw layouts a TIFF reader refuses (their magic
 * number is not 42) or whose offsets count from elsewhere (maker notes). Only what is needed to find a preview is
 * kept: each entry's type, count and its first value or offset.
 */
final class IfdEntries {

    /** More entries than this are not a directory. */
    private static final int MAX_ENTRIES = 1024;
    private static final int SHORT = 3;
    private static final int SIGNED_SHORT = 8;

    /** @param value the value itself when it is one short or long, else where the values are */
    record Entry(int type, long count, long value) {
    }

    private final Map<Integer, Entry> entries;

    private IfdEntries(Map<Integer, Entry> entries) {
        this.entries = entries;
    }

    static IfdEntries read(ImageInputStream input, long offset) throws IOException {
        long length = input.length() < 0 ? Long.MAX_VALUE : input.length(); // unknown for memory streams
        if (offset < 8 || offset + 2 > length) {
            throw new IOException("A directory outside the file");
        }
        input.seek(offset);
        int count = input.readUnsignedShort();
        if (count > MAX_ENTRIES || offset + 2 + count * 12L > length) {
            throw new IOException("A directory of " + count + " entries");
        }
        Map<Integer, Entry> entries = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int tag = input.readUnsignedShort();
            int type = input.readUnsignedShort();
            long values = input.readUnsignedInt();
            long value;
            if ((type == SHORT || type == SIGNED_SHORT) && values <= 2) {
                value = input.readUnsignedShort();
                input.skipBytes(2);
            } else {
                value = input.readUnsignedInt();
            }
            entries.putIfAbsent(tag, new Entry(type, values, value));
        }
        return new IfdEntries(entries);
    }

    Entry get(int tag) {
        return entries.get(tag);
    }

    /** A single short or long; -1 when absent. */
    long number(int tag) {
        Entry entry = entries.get(tag);
        return entry != null && entry.count() == 1 ? entry.value() : -1;
    }
}
