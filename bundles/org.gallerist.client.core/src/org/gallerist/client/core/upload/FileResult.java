package org.gallerist.client.core.upload;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.Upload;

/** What became of one file of an upload. */
public record FileResult(Path file, Status status, Upload upload, String message) {

    public enum Status {
        UPLOADED, FAILED, CANCELLED,
        /** The account has these bytes already (an earlier, interrupted import): not sent again. */
        ALREADY_STORED
    }

    public FileResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    static FileResult uploaded(Path file, Upload upload) {
        return new FileResult(file, Status.UPLOADED, upload, "");
    }

    static FileResult failed(Path file, String message) {
        return new FileResult(file, Status.FAILED, null, message);
    }

    static FileResult cancelled(Path file) {
        return new FileResult(file, Status.CANCELLED, null, "Not sent: the upload was cancelled.");
    }

    static FileResult alreadyStored(Path file, long existingId) {
        return new FileResult(file, Status.ALREADY_STORED, null, "Already stored as #" + existingId + ": skipped.");
    }

    public boolean uploaded() {
        return status == Status.UPLOADED;
    }

    public Image image() {
        return upload == null ? null : upload.image();
    }

    /** The same result for the image as it is now, e.g. after tags were added. Only for an uploaded file. */
    public FileResult withImage(Image changed) {
        return new FileResult(file, status, new Upload(changed, upload.nearDuplicates(), upload.suggestedTags()),
                message);
    }

    /** Suggested tags the image does not carry yet. */
    public List<String> newSuggestedTags() {
        if (upload == null) {
            return List.of();
        }
        return upload.suggestedTags().stream().filter(tag -> !upload.image().tags().contains(tag)).toList();
    }

    /** One line for the results table: "Uploaded as #12", "Looks like #3 'Rocket' (97%)", or the error. */
    public String summary() {
        return switch (status) {
            case UPLOADED -> "Uploaded as #" + upload.image().id() + (upload.nearDuplicates().isEmpty() ? ""
                    : "; looks like " + upload.nearDuplicates().stream()
                            .map(near -> "#" + near.id() + " '" + near.name() + "' ("
                                    + Math.round(near.score() * 100) + "%)")
                            .collect(Collectors.joining(", ")));
            case FAILED, CANCELLED, ALREADY_STORED -> message;
        };
    }

    public boolean hasNearDuplicates() {
        return upload != null && !upload.nearDuplicates().isEmpty();
    }
}
