package org.gallerist.similarity.djl.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A model's class labels by class index: each class's names as the file has them, the first also in tag syntax. */
final class ModelLabels {

    static final int MAX_TAG = 40;
    /** At most this many names of a class are kept (ImageNet's longest lines list seven). */
    static final int MAX_NAMES = 8;
    private static final Pattern INDEXED = Pattern.compile("\\s*(\\d+)\\s*,(.*)");
    private static final Pattern NOT_TAG = Pattern.compile("[^\\p{L}\\p{N} _-]");

    private final List<String> tags;
    private final List<List<String>> names;

    private ModelLabels(List<String> tags, List<List<String>> names) {
        this.tags = List.copyOf(tags);
        this.names = List.copyOf(names);
    }

    /** Reads {@code index,label[, synonym...]} lines (or one plain label a line); the first name is the tag. */
    static ModelLabels read(Path file) throws IOException {
        List<String> tags = new ArrayList<>();
        List<List<String>> names = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int line = 0; line < lines.size(); line++) {
            String text = lines.get(line);
            if (text.isBlank()) {
                continue;
            }
            int index = line;
            Matcher indexed = INDEXED.matcher(text);
            if (indexed.matches()) {
                index = Integer.parseInt(indexed.group(1));
                text = indexed.group(2);
            }
            while (tags.size() <= index) {
                tags.add("");
                names.add(List.of());
            }
            tags.set(index, tag(text.split(",", 2)[0]));
            names.set(index, names(text));
        }
        return new ModelLabels(tags, names);
    }

    /** Lower case; letters, digits, space, '-' and '_' only; at most 40 characters; empty when nothing is left. */
    static String tag(String label) {
        String cleaned = NOT_TAG.matcher(label.toLowerCase(Locale.ROOT)).replaceAll("").strip().replaceAll("\\s+", " ");
        return cleaned.length() <= MAX_TAG ? cleaned : cleaned.substring(0, MAX_TAG).strip();
    }

    private static List<String> names(String line) {
        List<String> names = new ArrayList<>();
        for (String name : line.split(",")) {
            String cleaned = name.strip().replaceAll("\\p{Cntrl}", "");
            if (!cleaned.isEmpty() && names.size() < MAX_NAMES) {
                names.add(cleaned.length() <= MAX_TAG ? cleaned : cleaned.substring(0, MAX_TAG).strip());
            }
        }
        return List.copyOf(names);
    }

    /** Every name of class {@code index} as the file gives them, first name first; empty for unknown classes. */
    List<String> names(int index) {
        return index < names.size() ? names.get(index) : List.of();
    }

    /** The tag of class {@code index}, empty for unknown classes. */
    String tag(int index) {
        return index < tags.size() ? tags.get(index) : "";
    }

    int size() {
        return tags.size();
    }
}
