package org.gallerist.client.core.bulk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.gallerist.api.GalleristException;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.details.ImageEdit;
import org.gallerist.rules.ImageRules;

/**
 * What the bulk edit form holds as text: a blank field leaves that value as each image has it, and a null
 * visibility leaves each image's own. Checked with the server's rules before anything is sent.
 *
 * @param addTags    comma-separated tags to add to each image, keeping its others
 * @param removeTags comma-separated tags to take off each image that carries them
 */
public record BulkEdit(String price, String quantity, String addTags, String removeTags, Visibility visibility) {

    /** Either the changes to send or one message for the user. */
    public record Checked(Optional<ImageChanges> changes, Optional<String> problem) {
        static Checked problem(String message) {
            return new Checked(Optional.empty(), Optional.of(message));
        }
    }

    public static BulkEdit empty() {
        return new BulkEdit("", "", "", "", null);
    }

    public Checked check() {
        try {
            BigDecimal newPrice = blank(price) ? null : ImageRules.price(price);
            Integer newQuantity = blank(quantity) ? null : ImageRules.quantity(quantity);
            List<String> added = ImageRules.tags(ImageEdit.parseTags(addTags));
            List<String> removed = ImageRules.tags(ImageEdit.parseTags(removeTags));
            for (String tag : added) {
                if (removed.contains(tag)) {
                    return Checked.problem("The tag '" + tag + "' is both added and removed.");
                }
            }
            ImageChanges changes = new ImageChanges(null, null, null, newPrice, newQuantity, visibility, null, null,
                    added, removed);
            if (changes.isEmpty()) {
                return Checked.problem("Fill in at least one change.");
            }
            return new Checked(Optional.of(changes), Optional.empty());
        } catch (GalleristException e) {
            return Checked.problem(e.getMessage());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
