package org.gallerist.imaging.internal.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The original read once from its start, with the planned {@link Edits} applied as the bytes go by. */
final class EditedStream extends InputStream {

    private final InputStream original;
    private final List<Edits.Edit> edits;
    private int next;
    private long position;
    private byte[] pending = new byte[0];
    private int pendingAt;
    private boolean ended;

    EditedStream(InputStream original, List<Edits.Edit> edits) {
        this.original = original;
        this.edits = edits;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            if (pendingAt < pending.length) {
                int n = Math.min(length, pending.length - pendingAt);
                System.arraycopy(pending, pendingAt, buffer, offset, n);
                pendingAt += n;
                return n;
            }
            if (ended) {
                return -1;
            }
            Edits.Edit edit = next < edits.size() ? edits.get(next) : null;
            if (edit != null && position == edit.offset()) {
                next++;
                pending = edit.replacement();
                pendingAt = 0;
                if (edit.length() >= Edits.TO_THE_END) {
                    ended = true;
                } else {
                    original.skipNBytes(edit.length());
                    position += edit.length();
                }
                continue;
            }
            long room = edit == null ? length : Math.min(length, edit.offset() - position);
            int n = original.read(buffer, offset, (int) room);
            if (n < 0) {
                ended = true;
                continue;
            }
            position += n;
            return n;
        }
    }

    @Override
    public void close() throws IOException {
        original.close();
    }
}
