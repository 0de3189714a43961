package org.gallerist.storage.derby.internal;

/** The part of the server configuration (PID {@code org.gallerist.server}) the blob store reads. */
public @interface BlobStoreConfig {
    /** Absolute path of the data folder; blobs live in its {@code blobs} subfolder. */
    String dataDir();

    /**
     * Encrypt newly written blobs with AES-256-GCM (key in {@code <dataDir>/blob.key}). Files written before
     * stay readable whichever way this is set.
     */
    boolean encryptAtRest() default false;
}
