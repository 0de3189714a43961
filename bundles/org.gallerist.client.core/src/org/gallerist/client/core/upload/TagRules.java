package org.gallerist.client.core.upload;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Tags as the server accepts them, checked before anything is sent: trimmed, lower-cased, 1–40 characters. */
public final class TagRules {
    public static final int MAX_LENGTH = 40;
    public static final int MAX_TAGS = 50;

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N} _-]{1," + MAX_LENGTH + "}");

    private TagRules() {
    }

    /** The tag as the server stores it: trimmed, inner spaces collapsed, lower-cased. */
    public static String normalize(String tag) {
        return tag == null ? "" : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Why the tag would be refused, or empty when it is fine. */
    public static Optional<String> check(String tag) {
        String normalized = normalize(tag);
        if (!TAG.matcher(normalized).matches()) {
            return Optional.of("'" + tag.strip() + "' is not a tag: use 1 to " + MAX_LENGTH
                    + " letters, digits, spaces, '-' or '_'.");
        }
        return Optional.empty();
    }

    /** Splits comma-separated text into normalized tags, dropping blanks and repeats. */
    public static List<String> split(String text) {
        Set<String> tags = new LinkedHashSet<>();
        for (String part : (text == null ? "" : text).split(",")) {
            if (!part.isBlank()) {
                tags.add(normalize(part));
            }
        }
        return new ArrayList<>(tags);
    }

    /** The first problem of a list of tags, or empty when the server would take them all. */
    public static Optional<String> checkAll(List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            return Optional.of("An image may carry at most " + MAX_TAGS + " tags.");
        }
        return tags.stream().map(TagRules::check).flatMap(Optional::stream).findFirst();
    }
}
