package org.gallerist.client.core.upload;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file to upload and what the user says about it.
 *
 * @param named whether the user gave the name; if not, {@code name} is the one made from the file name, which the
 *              server uses only when the file has no title of its own (XMP or IPTC)
 */
public record UploadItem(Path file, String name, String description, boolean named) {
    public UploadItem {
        Objects.requireNonNull(file, "file");
        name = name == null ? "" : name;
        description = description == null ? "" : description;
    }

    /** A file with the name the user gave. */
    public UploadItem(Path file, String name, String description) {
        this(file, name, description, true);
    }

    /** The file with the name made from its file name, standing in for its own title, and no description. */
    public static UploadItem of(Path file) {
        return new UploadItem(file, FileNames.defaultName(file), "", false);
    }

    /** With a name the user gave; the same name as before keeps it as it was (the table sets unchanged cells). */
    public UploadItem withName(String newName) {
        return newName != null && newName.equals(name) ? this : new UploadItem(file, newName, description, true);
    }

    public UploadItem withDescription(String newDescription) {
        return new UploadItem(file, name, newDescription, named);
    }
}
