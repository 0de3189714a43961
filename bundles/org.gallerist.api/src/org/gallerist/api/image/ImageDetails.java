package org.gallerist.api.image;

import java.util.List;
import java.util.Objects;

/**
 * An image as {@code images show} answers: its fields, what the server's image model saw in it, and, for its owner
 * and admins, what the camera wrote into the file.
 *
 * @param seenByModel the model's labels for the image, best first, each with its synonyms ({@code tabby, tabby cat});
 *                    empty without a model, or before the model has looked at it
 * @param photo       the camera's facts; {@link PhotoFacts#NONE} when the file has none or the caller may not see them
 */
public record ImageDetails(Image image, List<String> seenByModel, PhotoFacts photo) {
    public ImageDetails {
        Objects.requireNonNull(image, "image");
        seenByModel = List.copyOf(seenByModel);
        photo = photo == null ? PhotoFacts.NONE : photo;
    }

    /** Without camera facts. */
    public ImageDetails(Image image, List<String> seenByModel) {
        this(image, seenByModel, PhotoFacts.NONE);
    }
}
