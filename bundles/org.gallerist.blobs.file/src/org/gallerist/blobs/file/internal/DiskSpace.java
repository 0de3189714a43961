package org.gallerist.blobs.file.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/**
 * Room on the data folder's disk. Uploads are refused while less than {@code reserveBytes} would be left, so that
 * the database, which writes its log and pages on the same disk, still has room to finish what it acknowledged: a
 * Derby that cannot write its log shuts the database down. What the reserve does not catch (another process filling
 * the disk) surfaces as the file system's "disk full", which {@link #isDiskFull} recognises (the database engine
 * recognises its own).
 */
final class DiskSpace {

    private static final String[] FILE_SYSTEM_FULL = { "No space left on device", "Disk quota exceeded" };

    private final long reserveBytes;

    DiskSpace(long reserveBytes) {
        if (reserveBytes < 0) {
            throw new IllegalArgumentException("The disk reserve cannot be negative: " + reserveBytes);
        }
        this.reserveBytes = reserveBytes;
    }

    static DiskSpace ofMegabytes(long megabytes) {
        return new DiskSpace(Math.multiplyExact(megabytes, 1024L * 1024));
    }

    /** Throws {@link ErrorCode#STORAGE_FULL} unless writing {@code bytes} more to {@code folder} leaves the reserve. */
    void require(Path folder, long bytes) throws IOException {
        if (reserveBytes == 0 && bytes == 0) {
            return;
        }
        long usable = Files.getFileStore(folder).getUsableSpace();
        if (usable - bytes < reserveBytes) {
            throw new GalleristException(ErrorCode.STORAGE_FULL, "The server's disk is nearly full (it keeps "
                    + BlobFiles.describeSize(reserveBytes) + " free for its database); nothing was stored. Try again"
                    + " once the operator has made room.", Map.of(GalleristException.LIMIT, "disk_reserve",
                            GalleristException.MAX, reserveBytes));
        }
    }

    /** Whether {@code failure}, or one of its causes, says that the disk (or the user's disk quota) is full. */
    static boolean isDiskFull(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && cause.getMessage() != null) {
                for (String full : FILE_SYSTEM_FULL) {
                    if (cause.getMessage().contains(full)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The error a user gets for a write the full disk refused; {@code cause} goes to the log only. */
    static GalleristException full(Throwable cause) {
        GalleristException full = new GalleristException(ErrorCode.STORAGE_FULL, "The server's disk is full; nothing"
                + " was stored. Try again once the operator has made room.", Map.of(GalleristException.LIMIT, "disk"));
        full.initCause(cause);
        return full;
    }
}
