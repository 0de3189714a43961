package org.gallerist.spi.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * Content-addressed files under the data folder. A blob is written to a temporary file, flushed to disk and
 * renamed into place before any row refers to it; optionally encrypted at rest. Keys are sha-256 hex of the
 * plain content.
 */
public interface BlobStore {

    /**
     * Copies the stream into a staging file, at most {@code maxBytes} of it.
     *
     * @throws org.gallerist.api.GalleristException {@code too_large} past the limit, {@code invalid_argument} if empty
     */
    Staged stage(InputStream content, long maxBytes) throws IOException;

    /** Stores bytes (e.g. a rendition) and returns their key; storing existing content is a no-op. */
    String put(byte[] content) throws IOException;

    InputStream open(String key) throws IOException;

    boolean exists(String key);

    void remove(String key) throws IOException;

    /** Removes staging leftovers and every blob whose key is not in {@code keep}; returns how many were removed. */
    int sweep(Set<String> keep) throws IOException;

    /** An upload on disk, not yet part of the store. */
    interface Staged extends AutoCloseable {
        Path file();

        long size();

        String sha256();

        /** Moves the staged file into the store (fsync + rename) and returns its key. */
        String commit() throws IOException;

        /** Deletes the staging file if it was not committed. */
        @Override
        void close();
    }
}
