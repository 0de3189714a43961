package org.gallerist.blobs.file.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the chunked format: the header, then each full chunk once more bytes follow it, then the final chunk (which
 * may be empty or full) when {@link #finish()} or {@link #close()} is called. Holds one chunk in memory, never more.
 */
final class EncryptingOutputStream extends OutputStream {

    private final OutputStream out;
    private final ChunkSealer sealer;
    private final byte[] plain;
    private final byte[] sealed;
    private int filled;
    private long index;
    private boolean finished;

    EncryptingOutputStream(OutputStream out, byte[] header, ChunkSealer sealer, int chunkSize) throws IOException {
        this.out = out;
        this.sealer = sealer;
        this.plain = new byte[chunkSize];
        this.sealed = new byte[chunkSize + ChunkSealer.TAG_BYTES];
        out.write(header);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (finished) {
            throw new IOException("The encrypted file is already finished.");
        }
        while (length > 0) {
            if (filled == plain.length) {
                writeChunk(false); // only now is it known that this chunk is not the last
            }
            int n = Math.min(length, plain.length - filled);
            System.arraycopy(bytes, offset, plain, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    /** Writes the final chunk and flushes, leaving the underlying stream open (e.g. to force it to disk). */
    void finish() throws IOException {
        if (!finished) {
            writeChunk(true);
            finished = true;
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        try (out) {
            finish();
        }
    }

    private void writeChunk(boolean last) throws IOException {
        int length = sealer.seal(index++, last, plain, filled, sealed);
        out.write(sealed, 0, length);
        filled = 0;
    }
}
