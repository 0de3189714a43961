package org.gallerist.client.ui.browse;

import java.util.List;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.details.ImageFacts;

/** The lines under a thumbnail. */
final class Captions {
    private Captions() {
    }

    /** "Rocket launch" / "12.50 · 3 in stock" (and "private" where it is). */
    static List<String> nameAndPrice(Image image) {
        String second = ImageFacts.priceAndStock(image);
        if (image.visibility() == Visibility.PRIVATE) {
            second += " \u00b7 private";
        }
        return List.of(image.name(), second);
    }
}
