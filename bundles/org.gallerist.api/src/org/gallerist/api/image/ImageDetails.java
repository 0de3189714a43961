package org.gallerist.api.image;

import java.util.List;
import java.util.Objects;

/**
 * An image as {@code images show} answers: its fields, what the server's image model saw in it, and what the camera
 * wrote into the file, for its owner and admins, and for everyone once the owner shares it.
 *
 * @param seenByModel  the model's labels for the image, best first, each with its synonyms ({@code tabby, tabby cat});
 *                     empty without a model, or before the model has looked at it
 * @param photo        the camera's facts; {@link PhotoFacts#NONE} when the file has none or the caller may not see them
 * @param cameraShared    whether the owner lets everyone who sees the image see {@code photo}
 * @param freeDownload    whether the owner gives the original to everyone who sees the image, bought or not
 * @param originalAllowed whether the caller may download the original: its owner, an admin, a buyer of it, or
 *                        anyone when {@code freeDownload}; others get at most the preview
 */
public record ImageDetails(Image image, List<String> seenByModel, PhotoFacts photo, boolean cameraShared,
        boolean freeDownload, boolean originalAllowed) {
    public ImageDetails {
        Objects.requireNonNull(image, "image");
        seenByModel = List.copyOf(seenByModel);
        photo = photo == null ? PhotoFacts.NONE : photo;
    }

    /** Without a word on downloading the original (as from a server before 0.6): not allowed. */
    public ImageDetails(Image image, List<String> seenByModel, PhotoFacts photo, boolean cameraShared) {
        this(image, seenByModel, photo, cameraShared, false, false);
    }

    /** With the camera's facts kept to the owner. */
    public ImageDetails(Image image, List<String> seenByModel, PhotoFacts photo) {
        this(image, seenByModel, photo, false);
    }

    /** Without camera facts. */
    public ImageDetails(Image image, List<String> seenByModel) {
        this(image, seenByModel, PhotoFacts.NONE);
    }
}
