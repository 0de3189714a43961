package org.gallerist.client.core.upload;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;

/**
 * What the upload dialog is about to send: the files with their names and descriptions, and what they share
 * (tags, price, quantity, visibility) as typed. Checked like the server checks, so mistakes show before upload.
 */
public record UploadPlan(List<UploadItem> items, List<String> tags, String price, String quantity,
        Visibility visibility) {
    static final int MAX_DESCRIPTION = 4000;
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000000.00");
    private static final Pattern PRICE = Pattern.compile("\\d+(\\.\\d{1,2})?");
    private static final Pattern QUANTITY = Pattern.compile("\\d{1,10}");

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
        return TagRules.checkAll(tags).or(this::checkPrice).or(this::checkQuantity);
    }

    private static Optional<String> checkItem(UploadItem item) {
        String file = item.file().getFileName().toString();
        if (!Files.isRegularFile(item.file()) || !Files.isReadable(item.file())) {
            return Optional.of("Cannot read " + item.file() + ".");
        }
        String name = item.name().strip();
        if (name.isEmpty()) {
            return Optional.of("Give " + file + " a name.");
        }
        if (name.length() > FileNames.MAX_NAME) {
            return Optional.of("The name of " + file + " is longer than " + FileNames.MAX_NAME + " characters.");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("The name of " + file + " must not contain control characters.");
        }
        if (item.description().strip().length() > MAX_DESCRIPTION) {
            return Optional.of("The description of " + file + " is longer than " + MAX_DESCRIPTION + " characters.");
        }
        return Optional.empty();
    }

    private Optional<String> checkPrice() {
        if (!PRICE.matcher(price).matches()) {
            return Optional.of("The price is a number 0 or more with at most 2 decimals, e.g. 12.50.");
        }
        if (new BigDecimal(price).compareTo(MAX_PRICE) > 0) {
            return Optional.of("The price is too high.");
        }
        return Optional.empty();
    }

    private Optional<String> checkQuantity() {
        if (!QUANTITY.matcher(quantity).matches() || Long.parseLong(quantity) > Integer.MAX_VALUE) {
            return Optional.of("The quantity is a whole number, 0 or more.");
        }
        return Optional.empty();
    }

    /** What to send for each file, in order. Only for a plan whose {@link #check()} found nothing. */
    public List<NewImage> newImages() {
        check().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        BigDecimal unitPrice = new BigDecimal(price).setScale(2);
        int stock = Integer.parseInt(quantity);
        List<NewImage> images = new ArrayList<>();
        for (UploadItem item : items) {
            images.add(new NewImage(item.name().strip(), item.description().strip(), tags, unitPrice, stock,
                    visibility));
        }
        return images;
    }
}
