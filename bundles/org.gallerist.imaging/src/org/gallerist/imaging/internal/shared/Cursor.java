package org.gallerist.imaging.internal.shared;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import org.gallerist.spi.imaging.SharedOriginals.Source;

/**
 * Reads an original by position while a copy is planned: forward reads and skips on one stream, and a seek backwards
 * opens the original again (TIFF and HEIF point backwards rarely; the other formats never do). Multi-byte numbers in
 * the byte order the format sets.
 */
final class Cursor implements AutoCloseable {

    private final Source source;
    private InputStream in;
    private long position;
    private boolean littleEndian;

    Cursor(Source source) throws IOException {
        this.source = source;
        this.in = new BufferedInputStream(source.open(), 1 << 16);
    }

    void littleEndian(boolean little) {
        this.littleEndian = little;
    }

    long position() {
        return position;
    }

    void seek(long target) throws IOException {
        if (target < 0) {
            throw new IOException("A negative offset");
        }
        if (target < position) {
            in.close();
            in = new BufferedInputStream(source.open(), 1 << 16);
            position = 0;
        }
        skip(target - position);
    }

    void skip(long count) throws IOException {
        in.skipNBytes(count); // EOFException where the file ends first
        position += count;
    }

    /** The next byte, or -1 at the end of the file. */
    int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            position++;
        }
        return b;
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
        byte[] data = in.readNBytes(count);
        position += data.length;
        if (data.length < count) {
            throw new EOFException("The file ends early");
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
