package org.gallerist.client.core.details;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gallerist.api.GalleristException;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.rules.ImageRules;

/**
 * What the server's image model saw in an image, as the Details part offers it: each label as people read it, and the
 * tag its first name would make, which the owner may add with one click.
 */
public final class SeenByModel {

    /**
     * @param text   the label with its synonyms, e.g. {@code tabby, tabby cat}
     * @param tag    its first name as a tag, empty when that is not valid tag syntax
     * @param tagged whether the image has that tag already
     */
    public record Seen(String text, Optional<String> tag, boolean tagged) {
        /** Whether a button should offer to add the tag. */
        public boolean canBecomeTag() {
            return tag.isPresent() && !tagged;
        }
    }

    private SeenByModel() {
    }

    /** The labels of {@code image}, best first. */
    public static List<Seen> of(Image image, List<String> seenByModel) {
        List<Seen> seen = new ArrayList<>();
        for (String text : seenByModel) {
            Optional<String> tag = tagOf(text);
            seen.add(new Seen(text, tag, tag.isPresent() && image.tags().contains(tag.get())));
        }
        return List.copyOf(seen);
    }

    /** "Seen by the model: tabby, tabby cat; tiger cat", or nothing to show. */
    public static String caption(List<Seen> seen) {
        return seen.isEmpty() ? "" : "Seen by the model: " + String.join("; ", seen.stream().map(Seen::text).toList());
    }

    /** The change that adds the label's tag to the image's tags. */
    public static ImageChanges addTag(Image image, Seen seen) {
        List<String> tags = new ArrayList<>(image.tags());
        seen.tag().filter(tag -> !tags.contains(tag)).ifPresent(tags::add);
        return new ImageChanges(null, null, tags, null, null, null);
    }

    private static Optional<String> tagOf(String text) {
        try {
            return Optional.of(ImageRules.tag(text.split(",", 2)[0]));
        } catch (GalleristException notTagSyntax) {
            return Optional.empty();
        }
    }
}
