package org.gallerist.client.core.upload;

import java.nio.file.Path;
import java.util.Objects;

/** One file to upload and what the user says about it. */
public record UploadItem(Path file, String name, String description) {
    public UploadItem {
        Objects.requireNonNull(file, "file");
        name = name == null ? "" : name;
        description = description == null ? "" : description;
    }

    /** The file with the name made from its file name and no description. */
    public static UploadItem of(Path file) {
        return new UploadItem(file, FileNames.defaultName(file), "");
    }

    public UploadItem withName(String newName) {
        return new UploadItem(file, newName, description);
    }

    public UploadItem withDescription(String newDescription) {
        return new UploadItem(file, name, newDescription);
    }
}
