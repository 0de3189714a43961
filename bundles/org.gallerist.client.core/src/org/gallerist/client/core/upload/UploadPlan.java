package org.gallerist.client.core.upload;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.gallerist.api.GalleristException;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.rules.ImageRules;

/**
 * What the upload dialog is about to send: the files with their names and descriptions, and what they share
 * (tags, price, quantity, visibility) as typed. Checked by the server's own rules, so mistakes show before upload.
 * A name the user did not type (made from the file name) goes as the name for a file without a title of its own,
 * so a photo's XMP or IPTC title wins over its file name; an empty description or no tags let the file's caption
 * and keywords in.
 */
public record UploadPlan(List<UploadItem> items, List<String> tags, String price, String quantity,
        Visibility visibility) {

    public UploadPlan {
        items = List.copyOf(items);
        tags = tags.stream().map(TagRules::normalize).filter(tag -> !tag.isEmpty()).distinct().toList();
        price = price == null ? "" : price.strip();
        quantity = quantity == null ? "" : quantity.strip();
        Objects.requireNonNull(visibility, "visibility");
    }

    /** The first problem, in the order the dialog shows its fields; empty when the plan can be sent. */
    public Optional<String> check() {
        if (items.isEmpty()) {
            return Optional.of("Add at least one image file.");
        }
        for (UploadItem item : items) {
            Optional<String> problem = checkItem(item);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return refusal("", () -> ImageRules.tags(tags))
                .or(() -> refusal("", () -> ImageRules.price(price)))
                .or(() -> refusal("", () -> ImageRules.quantity(quantity)));
    }

    private static Optional<String> checkItem(UploadItem item) {
        if (!Files.isRegularFile(item.file()) || !Files.isReadable(item.file())) {
            return Optional.of("Cannot read " + item.file() + ".");
        }
        String file = item.file().getFileName() + ": ";
        return refusal(file, () -> ImageRules.name(item.name()))
                .or(() -> refusal(file, () -> ImageRules.description(item.description())));
    }

    private static Optional<String> refusal(String prefix, Supplier<?> rule) {
        try {
            rule.get();
            return Optional.empty();
        } catch (GalleristException e) {
            return Optional.of(prefix + e.getMessage());
        }
    }

    /** What to send for each file, in order. Only for a plan whose {@link #check()} found nothing. */
    public List<NewImage> newImages() {
        check().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        List<NewImage> images = new ArrayList<>();
        for (UploadItem item : items) {
            String name = ImageRules.name(item.name());
            images.add(new NewImage(item.named() ? name : null, ImageRules.description(item.description()), tags,
                    ImageRules.price(price), ImageRules.quantity(quantity), visibility, false,
                    item.named() ? null : name));
        }
        return images;
    }
}
