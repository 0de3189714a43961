package org.gallerist.commands.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How much one {@code images import} may bring (PID {@code org.gallerist.import}). */
@ObjectClassDefinition(id = ImportLimits.PID, name = "Gallerist tar import limits",
        description = "Entries and bytes one tar archive sent to 'images import' may hold")
public @interface ImportLimits {

    String PID = "org.gallerist.import";

    @AttributeDefinition(description = "Entries (files, folders, links) per archive; the import stops after that"
            + " many", min = "1")
    int maxImportEntries() default 10_000;

    @AttributeDefinition(description = "Bytes per file; a larger file is refused without being read, the others are"
            + " imported (default 50 MiB; each image is also held to maxImageBytes)", min = "1")
    long maxImportEntryBytes() default 50L * 1024 * 1024;

    @AttributeDefinition(description = "Bytes of all files of one archive together; the import stops before the file"
            + " that would go over (default 4 GiB)", min = "1")
    long maxImportBytes() default 4L * 1024 * 1024 * 1024;

    @AttributeDefinition(description = "Files of all imports stored at once, server-wide (decode, renditions,"
            + " embedding, commit); 0: two per processor core. Reading the archives is not counted.", min = "0")
    int importWorkers() default 0;
}
