package org.gallerist.blobs.file.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The file blob store's settings (PID {@code org.gallerist.blobs.file}); the files live in the data folder. */
@ObjectClassDefinition(id = BlobStoreConfig.PID, name = "Gallerist image files",
        description = "Image files in the data folder's blobs subfolder, content-addressed")
public @interface BlobStoreConfig {

    String PID = "org.gallerist.blobs.file";

    @AttributeDefinition(description = "Encrypt image files at rest: AES-256-GCM in 64 KiB chunks, a key per file"
            + " derived from DATA/blob.key (back it up). When on, existing plain files are encrypted at start and a"
            + " file without a valid header is refused; switched off, encrypted files stay readable.")
    boolean encryptAtRest() default false;

    @AttributeDefinition(description = "With encryption at rest, the memory-backed (tmpfs) folder in which uploads"
            + " wait while they are checked, so that no plain image is written to disk; empty: /dev/shm.")
    String stagingDir() default "";

    @AttributeDefinition(description = "Uploads are refused (storage_full, limit disk_reserve) while less than this"
            + " many megabytes would stay free on the data folder's disk, so that the database always has room to"
            + " finish what it acknowledged; 0: use the disk to the last byte.", min = "0")
    long diskReserveMegabytes() default 256;
}
