package org.gallerist.client.core.upload;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tags as typed into one text field; whether the server accepts them is {@code ImageRules.tags}. */
public final class TagRules {
    private TagRules() {
    }

    /** The tag as the server stores it: trimmed, inner spaces collapsed, lower-cased. */
    public static String normalize(String tag) {
        return tag == null ? "" : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
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
}
