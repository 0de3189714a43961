package org.gallerist.storage.derby.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The file blob store's settings (PID {@code org.gallerist.blobs.file}); the files live in the data folder. */
@ObjectClassDefinition(id = BlobStoreConfig.PID, name = "Gallerist image files",
        description = "Image files in the data folder's blobs subfolder, content-addressed")
public @interface BlobStoreConfig {

    String PID = "org.gallerist.blobs.file";

    @AttributeDefinition(description = "Encrypt newly written files with AES-256-GCM (key in DATA/blob.key: back it"
            + " up). Files written before stay readable whichever way this is set.")
    boolean encryptAtRest() default false;
}
