package org.gallerist.imaging.internal.shared;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import org.gallerist.spi.imaging.SharedOriginals.Source;

/**
 * Reads an original by position while a copy is planned: forward reads and skips on one stream through a buffer of
 * its own (the JPEG plan scans whole scans for markers), and a seek backwards opens the original again (TIFF and HEIF point backwards rarely; the other formats never do). Multi-byte numbers in
 * the byte order the format sets.
 */
final class Cursor implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final Source source;
    private final byte[] buffer = new byte[BUFFER];
    private InputStream in;
    /** The file position of {@code buffer[0]}. */
    private long bufferStart;
    private int at;
    private int limit;
    private boolean littleEndian;

    Cursor(Source source) throws IOException {
        this.source = source;
        this.in = source.open();
    }

    void littleEndian(boolean little) {
        this.littleEndian = little;
    }

    long position() {
        return bufferStart + at;
    }

    void seek(long target) throws IOException {
        if (target < 0) {
            throw new IOException("A negative offset");
        }
        if (target < bufferStart) {
            in.close();
            in = source.open();
            bufferStart = 0;
            at = 0;
            limit = 0;
        }
        skip(target - position());
    }

    void skip(long count) throws IOException {
        long inBuffer = Math.min(count, limit - at);
        at += (int) inBuffer;
        long rest = count - inBuffer;
        if (rest > 0) {
            bufferStart += limit + rest;
            at = 0;
            limit = 0;
            in.skipNBytes(rest); // EOFException where the file ends first
        }
    }

    /** Whether bytes are buffered after refilling if needed; false at the end of the file. */
    private boolean fill() throws IOException {
        if (at < limit) {
            return true;
        }
        bufferStart += limit;
        at = 0;
        limit = Math.max(0, in.read(buffer, 0, BUFFER));
        return limit > 0;
    }

    /** The next byte, or -1 at the end of the file. */
    int read() throws IOException {
        return fill() ? buffer[at++] & 0xFF : -1;
    }

    /** Skips to just after the next {@code value} byte; false where the file ends first. */
    boolean skipPast(int value) throws IOException {
        byte wanted = (byte) value;
        while (fill()) {
            for (int i = at; i < limit; i++) {
                if (buffer[i] == wanted) {
                    at = i + 1;
                    return true;
                }
            }
            at = limit;
        }
        return false;
    }

    int u8() throws IOException {
        int b = read();
        if (b < 0) {
            throw new EOFException("The file ends early");
        }
        return b;
    }

    int u16() throws IOException {
        int a = u8();
        int b = u8();
        return littleEndian ? b << 8 | a : a << 8 | b;
    }

    long u32() throws IOException {
        long a = u16();
        long b = u16();
        return littleEndian ? b << 16 | a : a << 16 | b;
    }

    /** An unsigned number of {@code bytes} bytes (0, 4 or 8), as ISO-BMFF sizes are. */
    long unsigned(int bytes) throws IOException {
        return switch (bytes) {
        case 0 -> 0;
        case 4 -> u32();
        case 8 -> u32() << 32 | u32();
        default -> throw new IOException("A field of " + bytes + " bytes");
        };
    }

    byte[] bytes(int count) throws IOException {
        byte[] data = new byte[count];
        int done = 0;
        while (done < count) {
            if (!fill()) {
                throw new EOFException("The file ends early");
            }
            int n = Math.min(count - done, limit - at);
            System.arraycopy(buffer, at, data, done, n);
            at += n;
            done += n;
        }
        return data;
    }

    String fourCc() throws IOException {
        return new String(bytes(4), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
