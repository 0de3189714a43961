package org.gallerist.client.core.details;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.Visibility;
import org.gallerist.rules.ImageRules;

/**
 * What the Details form holds as text, checked with the server's own rules before it is sent, and turned into the
 * {@link ImageChanges} that carry only what differs from the image as loaded.
 */
public record ImageEdit(String name, String description, String tags, String price, String quantity,
        Visibility visibility) {

    /** The result of {@link #check}: either the changes to send (possibly none) or one message for the user. */
    public record Checked(Optional<ImageChanges> changes, Optional<String> problem) {
        public boolean hasChanges() {
            return changes.isPresent() && !changes.get().isEmpty();
        }
    }

    public ImageEdit {
        Objects.requireNonNull(visibility, "visibility");
    }

    /** The form filled from an image as loaded. */
    public static ImageEdit of(Image image) {
        return new ImageEdit(image.name(), image.description(), formatTags(image.tags()), image.price().toPlainString(),
                Integer.toString(image.quantity()), image.visibility());
    }

    /** Only the owner changes or deletes an image from the client (the server also lets admins). */
    public static boolean canEdit(User user, Image image) {
        return user != null && image != null && user.name().equals(image.owner());
    }

    /** Tags are separated by commas, because a tag may contain spaces. */
    public static List<String> parseTags(String text) {
        List<String> tags = new ArrayList<>();
        for (String part : (text == null ? "" : text).split(",")) {
            if (!part.isBlank()) {
                tags.add(part.strip());
            }
        }
        return tags;
    }

    public static String formatTags(List<String> tags) {
        return String.join(", ", tags);
    }

    /** Checks the fields in the order they appear and compares them with {@code original} (tags in any order). */
    public Checked check(Image original) {
        try {
            String newName = ImageRules.name(name);
            String newDescription = ImageRules.description(description);
            List<String> newTags = ImageRules.tags(parseTags(tags));
            BigDecimal newPrice = ImageRules.price(price);
            int newQuantity = ImageRules.quantity(quantity);
            ImageChanges changes = new ImageChanges(
                    newName.equals(original.name()) ? null : newName,
                    newDescription.equals(original.description()) ? null : newDescription,
                    Set.copyOf(newTags).equals(Set.copyOf(original.tags())) ? null : newTags,
                    newPrice.compareTo(original.price()) == 0 ? null : newPrice,
                    newQuantity == original.quantity() ? null : newQuantity,
                    visibility == original.visibility() ? null : visibility);
            return new Checked(Optional.of(changes), Optional.empty());
        } catch (GalleristException e) {
            return new Checked(Optional.empty(), Optional.of(e.getMessage()));
        }
    }
}
