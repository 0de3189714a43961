package org.gallerist.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.ImageQuery;

/** What names, descriptions, tags, prices, quantities and page sizes may be. */
public final class ImageRules {

    public static final int MAX_NAME = TextLimits.NAME;
    public static final int MAX_DESCRIPTION = TextLimits.DESCRIPTION;
    public static final int MAX_TAG = TextLimits.TAG;
    public static final int MAX_TAGS = TextLimits.TAGS;
    public static final BigDecimal MAX_PRICE = new BigDecimal("1000000000.00");

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N} _-]+");
    private static final Pattern PRICE = Pattern.compile("\\d+(\\.\\d{1,2})?");

    private ImageRules() {
    }

    public static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw invalid("The name is empty.");
        }
        TextLimits.requireAtMost("name", "The name", stripped, MAX_NAME);
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw invalid("The name must not contain control characters.");
        }
        return stripped;
    }

    public static String description(String description) {
        String stripped = description == null ? "" : description.strip();
        TextLimits.requireAtMost("description", "The description", stripped, MAX_DESCRIPTION);
        return stripped;
    }

    /** Trims and lower-cases; a tag is 1–40 letters, digits, spaces, '-' or '_'. */
    public static String tag(String tag) {
        String normalized = tag == null ? "" : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_TAG) {
            throw TextLimits.tooLong("tag", MAX_TAG, "The tag '" + printable(tag) + "' has " + normalized.length()
                    + " characters; the limit is " + MAX_TAG + ".");
        }
        if (!TAG.matcher(normalized).matches()) {
            throw invalid("Invalid tag '" + printable(tag) + "': use 1 to " + MAX_TAG
                    + " letters, digits, spaces, '-' or '_'.");
        }
        return normalized;
    }

    /** Normalises each tag and drops repeats, keeping the first-seen order. */
    public static List<String> tags(List<String> tags) {
        Set<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            unique.add(tag(tag));
        }
        if (unique.size() > MAX_TAGS) {
            throw tooManyTags();
        }
        return new ArrayList<>(unique);
    }

    private static GalleristException tooManyTags() {
        return TextLimits.tooLong("tags", MAX_TAGS, "An image may carry at most " + MAX_TAGS + " tags.");
    }

    /** A non-negative decimal with at most two places, as text (e.g. {@code 12}, {@code 12.5}, {@code 12.50}). */
    public static BigDecimal price(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.startsWith("-")) {
            throw invalid("The price must not be negative.");
        }
        if (!PRICE.matcher(stripped).matches()) {
            throw invalid("Invalid price '" + printable(text) + "': use a number with at most 2 decimals, e.g. 12.50.");
        }
        return price(new BigDecimal(stripped));
    }

    public static BigDecimal price(BigDecimal price) {
        if (price == null) {
            throw invalid("A price is required.");
        }
        if (price.signum() < 0) {
            throw invalid("The price must not be negative.");
        }
        if (price.stripTrailingZeros().scale() > 2) {
            throw invalid("The price has more than 2 decimals.");
        }
        if (price.compareTo(MAX_PRICE) > 0) {
            throw invalid("The price is too high.");
        }
        return price.setScale(2);
    }

    public static int quantity(String text) {
        String stripped = text == null ? "" : text.strip();
        if (!stripped.matches("-?\\d{1,10}")) {
            throw invalid("Invalid quantity '" + printable(text) + "': use a whole number, 0 or more.");
        }
        return quantity(Long.parseLong(stripped));
    }

    public static int quantity(long quantity) {
        if (quantity < 0) {
            throw invalid("The quantity must not be negative.");
        }
        if (quantity > Integer.MAX_VALUE) {
            throw invalid("The quantity is too large.");
        }
        return (int) quantity;
    }

    public static int limit(String text) {
        String stripped = text == null ? "" : text.strip();
        if (!stripped.matches("\\d{1,4}")) {
            throw invalid("Invalid limit '" + printable(text) + "': use 1 to " + ImageQuery.MAX_LIMIT + ".");
        }
        return limit(Integer.parseInt(stripped));
    }

    public static int limit(int limit) {
        if (limit < 1 || limit > ImageQuery.MAX_LIMIT) {
            throw invalid("The limit must be between 1 and " + ImageQuery.MAX_LIMIT + ".");
        }
        return limit;
    }

    /** The words of a text search: lower-cased, split on anything that is not a letter or digit. */
    public static List<String> words(String text) {
        TextLimits.requireAtMost("text", "The search text", text, TextLimits.SEARCH_TEXT);
        List<String> words = new ArrayList<>();
        for (String word : (text == null ? "" : text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !words.contains(word)) {
                words.add(word);
            }
        }
        if (words.size() > TextLimits.SEARCH_WORDS) {
            throw TextLimits.tooLong("words", TextLimits.SEARCH_WORDS,
                    "Search for at most " + TextLimits.SEARCH_WORDS + " words.");
        }
        return words;
    }

    static String printable(String text) {
        String value = String.valueOf(text).replaceAll("\\p{Cntrl}", "?");
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    private static GalleristException invalid(String message) {
        return new GalleristException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
