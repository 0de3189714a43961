package org.gallerist.client.core.tags;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.TagCount;
import org.gallerist.client.core.internal.ChangeListeners;

/**
 * The Tags part's state: every tag with its count, the text that narrows the list, the tags chosen to filter the
 * gallery and whether an image needs all of them or any. Listeners hear of every change. Use from one thread.
 */
public final class TagFilter {

    /** Which images a choice of tags lets through; no tags means all images. */
    public record Choice(List<String> tags, boolean anyTag) {
        public static final Choice ALL_IMAGES = new Choice(List.of(), false);

        public Choice {
            tags = List.copyOf(tags);
        }

        public boolean isAllImages() {
            return tags.isEmpty();
        }

        public ImageQuery query(int batchSize) {
            return query(batchSize, false);
        }

        /** @param mine only the caller's own images, private ones included */
        public ImageQuery query(int batchSize, boolean mine) {
            return new ImageQuery(tags, anyTag && tags.size() > 1, "", mine, batchSize, null);
        }

        /** "My images", "My images tagged cats and dogs", or as {@link #describe()} says for everyone's. */
        public String describe(boolean mine) {
            if (!mine) {
                return describe();
            }
            return tags.isEmpty() ? "My images" : "My images tagged " + String.join(anyTag ? " or " : " and ", tags);
        }

        /** "All images", "Tagged cats", "Tagged cats and dogs" or "Tagged cats or dogs". */
        public String describe() {
            if (tags.isEmpty()) {
                return "All images";
            }
            return "Tagged " + String.join(anyTag ? " or " : " and ", tags);
        }
    }

    private final ChangeListeners listeners = new ChangeListeners();
    private List<TagCount> all = List.of();
    private final Set<String> chosen = new LinkedHashSet<>();
    private boolean anyTag;
    private String filterText = "";

    /** Replaces the list; chosen tags that no longer exist are dropped. */
    public void setTags(List<TagCount> tags) {
        all = List.copyOf(tags);
        chosen.removeIf(tag -> all.stream().noneMatch(count -> count.tag().equals(tag)));
        listeners.fire();
    }

    public void setFilterText(String text) {
        filterText = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        listeners.fire();
    }

    /** The tags whose name contains the filter text; chosen tags always stay visible so they can be unchosen. */
    public List<TagCount> visible() {
        List<TagCount> result = new ArrayList<>();
        for (TagCount count : all) {
            if (filterText.isEmpty() || count.tag().toLowerCase(Locale.ROOT).contains(filterText)
                    || chosen.contains(count.tag())) {
                result.add(count);
            }
        }
        return result;
    }

    public void setChosen(String tag, boolean choose) {
        boolean changed = choose ? chosen.add(tag) : chosen.remove(tag);
        if (changed) {
            listeners.fire();
        }
    }

    public boolean isChosen(String tag) {
        return chosen.contains(tag);
    }

    public void setAnyTag(boolean any) {
        if (anyTag != any) {
            anyTag = any;
            listeners.fire();
        }
    }

    public boolean anyTag() {
        return anyTag;
    }

    /** "All images": forgets the chosen tags. */
    public void clear() {
        if (!chosen.isEmpty()) {
            chosen.clear();
            listeners.fire();
        }
    }

    public Choice choice() {
        return new Choice(List.copyOf(chosen), anyTag);
    }

    public List<TagCount> all() {
        return all;
    }

    /** @return a handle that removes the listener again */
    public Runnable addListener(Runnable listener) {
        return listeners.add(listener);
    }
}
