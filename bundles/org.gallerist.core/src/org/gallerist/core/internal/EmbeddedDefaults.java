package org.gallerist.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.NewImage;
import org.gallerist.rules.ImageRules;
import org.gallerist.spi.imaging.EmbeddedMetadata;

/**
 * An upload's name, description and tags: what the uploader gave, else what the file's XMP or IPTC says (its title,
 * caption and keywords), made to fit the image rules. Explicit values always win; an embedded text that cannot be
 * made to fit (a keyword of punctuation only) is left out rather than failing the upload.
 */
record EmbeddedDefaults(String name, String description, List<String> tags) {

    static EmbeddedDefaults of(NewImage request, EmbeddedMetadata embedded) {
        String name = given(request.name()) ? ImageRules.name(request.name()) : title(embedded, request.untitledName());
        String description = given(request.description()) ? ImageRules.description(request.description())
                : ImageRules.description(fit(embedded.description(), ImageRules.MAX_DESCRIPTION, true));
        List<String> tags = !request.tags().isEmpty() ? ImageRules.tags(request.tags()) : keywords(embedded);
        return new EmbeddedDefaults(name, description, tags);
    }

    private static String title(EmbeddedMetadata embedded, String untitledName) {
        String title = fit(embedded.title(), ImageRules.MAX_NAME, false);
        if (title.isEmpty() && given(untitledName)) {
            return ImageRules.name(untitledName);
        }
        if (title.isEmpty()) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT,
                    "The image needs a name: give one with --name (the file has no title in its XMP or IPTC).");
        }
        return ImageRules.name(title);
    }

    /** Keywords as tags: characters a tag cannot hold become spaces; hierarchical ones keep their last part. */
    private static List<String> keywords(EmbeddedMetadata embedded) {
        Set<String> tags = new LinkedHashSet<>();
        for (String keyword : embedded.keywords()) {
            if (tags.size() == ImageRules.MAX_TAGS) {
                break;
            }
            String leaf = keyword.substring(keyword.lastIndexOf('|') + 1);
            String cleaned = fit(leaf.replaceAll("[^\\p{L}\\p{N} _-]", " "), ImageRules.MAX_TAG, false);
            if (!cleaned.isEmpty()) {
                tags.add(ImageRules.tag(cleaned));
            }
        }
        return new ArrayList<>(tags);
    }

    /** Control characters out (line breaks kept in descriptions), blanks collapsed, cut at a word to the limit. */
    private static String fit(String text, int limit, boolean multiline) {
        if (text == null) {
            return "";
        }
        String cleaned = multiline ? text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ").replaceAll("[ \\t]+", " ")
                : text.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ");
        cleaned = cleaned.strip();
        if (cleaned.length() <= limit) {
            return cleaned;
        }
        int end = Character.isHighSurrogate(cleaned.charAt(limit - 1)) ? limit - 1 : limit;
        String cut = cleaned.substring(0, end);
        int space = cut.lastIndexOf(' ');
        return (space > limit / 2 ? cut.substring(0, space) : cut).strip();
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}
