package org.gallerist.blobs.file.internal;

import java.io.IOException;

/** A stored file that cannot be read back as it was written: damaged, truncated, extended or of an unknown kind. */
final class DamagedBlobException extends IOException {

    private static final long serialVersionUID = 1L;

    DamagedBlobException(String message) {
        super(message);
    }

    DamagedBlobException(String message, Throwable cause) {
        super(message, cause);
    }
}
