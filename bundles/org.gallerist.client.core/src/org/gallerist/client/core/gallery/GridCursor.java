package org.gallerist.client.core.gallery;

/**
 * Which cell of a grid of {@code count} items in rows of {@code columns} is selected, and where the arrow keys move
 * it. {@code -1} means nothing is selected.
 */
public record GridCursor(int index, int count, int columns) {
    public static GridCursor none(int count, int columns) {
        return new GridCursor(-1, count, columns);
    }

    public GridCursor {
        columns = Math.max(1, columns);
        count = Math.max(0, count);
        index = count == 0 ? -1 : Math.max(-1, Math.min(index, count - 1));
    }

    public boolean hasSelection() {
        return index >= 0;
    }

    public GridCursor select(int newIndex) {
        return new GridCursor(newIndex, count, columns);
    }

    public GridCursor left() {
        return select(index <= 0 ? 0 : index - 1);
    }

    public GridCursor right() {
        return select(index < 0 ? 0 : Math.min(count - 1, index + 1));
    }

    public GridCursor up() {
        return select(index < 0 ? 0 : index - columns >= 0 ? index - columns : index);
    }

    /** Down from the last full row goes to the last item rather than nowhere. */
    public GridCursor down() {
        if (index < 0) {
            return select(0);
        }
        if (index + columns < count) {
            return select(index + columns);
        }
        return row(count - 1) > row(index) ? select(count - 1) : this;
    }

    public GridCursor first() {
        return select(0);
    }

    public GridCursor last() {
        return select(count - 1);
    }

    /** Keeps the same index on a new item count or column count (after loading more or resizing). */
    public GridCursor resize(int newCount, int newColumns) {
        return new GridCursor(index, newCount, newColumns);
    }

    public int row(int i) {
        return i / columns;
    }

    public int rows() {
        return (count + columns - 1) / columns;
    }
}
