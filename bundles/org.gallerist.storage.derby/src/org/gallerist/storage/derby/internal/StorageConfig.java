package org.gallerist.storage.derby.internal;

/** The part of the server configuration (PID {@code org.gallerist.server}) storage reads. */
public @interface StorageConfig {
    /** Absolute path of the data folder; the database lives in its {@code db} subfolder. */
    String dataDir();
}
