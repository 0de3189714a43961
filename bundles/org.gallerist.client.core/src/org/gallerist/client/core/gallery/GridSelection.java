package org.gallerist.client.core.gallery;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gallerist.api.image.Image;

/**
 * Which images of a grid are selected, as desktop grids do it: a click selects one, Ctrl+click adds or removes one,
 * Shift+click selects the run from the last clicked one (the anchor), Ctrl+A selects all. Held by image id, so a
 * reload that keeps an image keeps it selected. Not thread-safe: use it from one thread (the UI thread).
 */
public final class GridSelection {

    private final Set<Long> ids = new LinkedHashSet<>();
    private int anchor = -1;

    /** A plain click (or an arrow key): only this one. */
    public void click(List<Image> items, int index) {
        ids.clear();
        if (index >= 0 && index < items.size()) {
            ids.add(items.get(index).id());
        }
        anchor = index;
    }

    /** Ctrl+click: this one in or out, the others as they are. */
    public void toggle(List<Image> items, int index) {
        if (index < 0 || index >= items.size()) {
            return;
        }
        long id = items.get(index).id();
        if (!ids.remove(id)) {
            ids.add(id);
        }
        anchor = index;
    }

    /** Shift+click (or Shift+arrow): the run from the anchor to this one, and nothing else. */
    public void extend(List<Image> items, int index) {
        if (index < 0 || index >= items.size()) {
            return;
        }
        if (anchor < 0 || anchor >= items.size()) {
            click(items, index);
            return;
        }
        ids.clear();
        for (int i = Math.min(anchor, index); i <= Math.max(anchor, index); i++) {
            ids.add(items.get(i).id());
        }
    }

    public void selectAll(List<Image> items) {
        items.forEach(image -> ids.add(image.id()));
    }

    public void clear() {
        ids.clear();
        anchor = -1;
    }

    public boolean isSelected(Image image) {
        return ids.contains(image.id());
    }

    /** The selected images among {@code items}, in grid order; ids no longer there are forgotten. */
    public List<Image> selected(List<Image> items) {
        List<Image> selected = items.stream().filter(this::isSelected).toList();
        if (selected.size() != ids.size()) {
            ids.retainAll(selected.stream().map(Image::id).toList());
        }
        return selected;
    }

    public int size() {
        return ids.size();
    }
}
