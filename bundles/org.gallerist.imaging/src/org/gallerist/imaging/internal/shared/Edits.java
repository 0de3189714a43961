package org.gallerist.imaging.internal.shared;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How the copy for others differs from the original: byte ranges replaced (by nothing, by zeros of the same length,
 * or by other bytes), applied in one forward pass by {@link EditedStream}.
 */
final class Edits {

    /** Replaces {@code length} bytes at {@code offset} by {@code replacement}; {@code length} may reach the end. */
    record Edit(long offset, long length, byte[] replacement) {
    }

    static final long TO_THE_END = Long.MAX_VALUE / 2;

    private final List<Edit> edits = new ArrayList<>();

    void remove(long offset, long length) {
        replace(offset, length, new byte[0]);
    }

    void removeFrom(long offset) {
        replace(offset, TO_THE_END, new byte[0]);
    }

    void zero(long offset, long length) {
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a range of " + length + " bytes");
        }
        replace(offset, length, new byte[(int) length]);
    }

    void replace(long offset, long length, byte[] replacement) {
        if (length > 0 || replacement.length > 0) {
            edits.add(new Edit(offset, length, replacement));
        }
    }

    /**
     * In order, with overlaps merged: ranges zeroed twice (a value two tags point to) are one range. Removals and
     * replacements never overlap by construction; zeroed ranges that do are joined.
     */
    List<Edit> sorted() throws IOException {
        List<Edit> in = new ArrayList<>(edits);
        in.sort(Comparator.comparingLong(Edit::offset));
        List<Edit> out = new ArrayList<>();
        for (Edit edit : in) {
            Edit last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && edit.offset() < last.offset() + last.length()) {
                if (!zeros(last) || !zeros(edit)) {
                    throw new IOException("Overlapping edits at " + edit.offset());
                }
                long end = Math.max(last.offset() + last.length(), edit.offset() + edit.length());
                out.set(out.size() - 1, new Edit(last.offset(), end - last.offset(),
                        new byte[(int) (end - last.offset())]));
            } else {
                out.add(edit);
            }
        }
        return out;
    }

    private static boolean zeros(Edit edit) {
        if (edit.replacement().length != edit.length()) {
            return false;
        }
        for (byte b : edit.replacement()) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
