package org.gallerist.api.image;

import java.util.List;
import java.util.Objects;

/**
 * An image as {@code images show} answers: its fields, and what the server's image model saw in it.
 *
 * @param seenByModel the model's labels for the image, best first, each with its synonyms ({@code tabby, tabby cat});
 *                    empty without a model, or before the model has looked at it
 */
public record ImageDetails(Image image, List<String> seenByModel) {
    public ImageDetails {
        Objects.requireNonNull(image, "image");
        seenByModel = List.copyOf(seenByModel);
    }
}
