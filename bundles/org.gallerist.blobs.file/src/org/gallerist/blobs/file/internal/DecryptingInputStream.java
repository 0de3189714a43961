package org.gallerist.blobs.file.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Reads the chunks after a header, handing out a chunk's bytes only once it has authenticated. Reads one byte ahead
 * of each full chunk to learn whether it is the last; a file that ends without its final chunk (truncated, even at a
 * chunk boundary), has bytes after it, or has chunks swapped fails with {@link DamagedBlobException}. The first chunk
 * is read and checked on construction, so a file that is wrong from the start fails before any byte is returned.
 */
final class DecryptingInputStream extends InputStream {

    private final InputStream in;
    private final ChunkSealer sealer;
    private final Path file;
    private final byte[] sealed;
    private final byte[] plain;
    private final int fullChunk;
    private int carried; // bytes of the next chunk already read (the look-ahead byte)
    private int position;
    private int limit;
    private long index;
    private boolean last;

    DecryptingInputStream(InputStream in, ChunkSealer sealer, int chunkSize, Path file) throws IOException {
        this.in = in;
        this.sealer = sealer;
        this.file = file;
        this.fullChunk = chunkSize + ChunkSealer.TAG_BYTES;
        this.sealed = new byte[fullChunk + 1];
        this.plain = new byte[chunkSize];
        nextChunk();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == limit) {
            if (last) {
                return -1;
            }
            if (length >= plain.length) {
                // straight into the caller's buffer, one copy less; if it fails, the read throws and returns nothing
                int n = nextChunk(bytes, offset);
                if (n > 0) {
                    return n;
                }
                continue; // the empty final chunk
            }
            nextChunk();
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(plain, position, bytes, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return limit - position;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void nextChunk() throws IOException {
        limit = nextChunk(plain, 0);
        position = 0;
    }

    /** Reads, authenticates and decrypts the next chunk into {@code target}; returns its plain length. */
    private int nextChunk(byte[] target, int offset) throws IOException {
        int read = carried + in.readNBytes(sealed, carried, sealed.length - carried);
        int length;
        if (read > fullChunk) {
            length = fullChunk;
            last = false;
        } else {
            length = read;
            last = true;
        }
        if (length < ChunkSealer.TAG_BYTES) {
            throw new DamagedBlobException("The stored file " + file + " is truncated: chunk " + index + " has "
                    + length + " of at least " + ChunkSealer.TAG_BYTES + " bytes.");
        }
        int opened;
        try {
            opened = sealer.open(index, last, sealed, length, target, offset);
        } catch (GeneralSecurityException e) {
            throw new DamagedBlobException("The stored file " + file + " is damaged: chunk " + index + " ("
                    + (last ? "at the end of the file" : "followed by more") + ") does not authenticate; the file"
                    + " was altered, truncated, extended or had chunks moved.", e);
        }
        index++;
        if (!last) {
            sealed[0] = sealed[fullChunk];
            carried = 1;
        }
        return opened;
    }
}
