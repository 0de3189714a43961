package org.gallerist.client.ui.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.gallerist.api.image.Image;
import org.gallerist.client.core.gallery.GridCursor;
import org.gallerist.client.core.gallery.GridSelection;

/**
 * A scrolling grid of thumbnails with a few lines of text under each. It paints only the visible rows, asks for
 * thumbnails through {@link #setThumbnails} (which may answer null until one has loaded), moves its selection with
 * the arrow keys, opens with Enter or a double-click, and tells {@link #onReachedEnd} listeners when the last row
 * comes into view, so the owner can load the next batch. Several images are selected with Ctrl+click, Shift+click,
 * Shift+arrows and Ctrl+A ({@link GridSelection}); the one moved to last is the lead, which selection listeners hear.
 */
public final class ThumbnailGrid extends Canvas {
    private static final int GAP = 12;
    private static final int TEXT_LINES = 2;

    private final List<Consumer<Image>> selectionListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Image>> openListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Image>>> deleteListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> endListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Image>>> chosenListeners = new CopyOnWriteArrayList<>();
    private final GridSelection chosen = new GridSelection();
    private List<Image> items = List.of();
    private Function<Image, org.eclipse.swt.graphics.Image> thumbnails = image -> null;
    private Function<Image, List<String>> captions = image -> List.of(image.name());
    private int thumbnailSize = 160;
    private GridCursor cursor = GridCursor.none(0, 1);
    private int scrollTop;
    private String emptyText = "";

    public ThumbnailGrid(Composite parent) {
        super(parent, SWT.V_SCROLL | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        addListener(SWT.Paint, this::paint);
        addListener(SWT.Resize, event -> layoutRows());
        addListener(SWT.MouseDown, this::mouseDown);
        addListener(SWT.MouseDoubleClick, event -> indexAt(event.x, event.y).ifPresent(this::open));
        addListener(SWT.KeyDown, this::keyDown);
        addListener(SWT.Traverse, event -> {
            if (event.detail == SWT.TRAVERSE_RETURN) {
                event.doit = false;
            }
        });
        addListener(SWT.FocusIn, event -> redraw());
        addListener(SWT.FocusOut, event -> redraw());
        addListener(SWT.MouseVerticalWheel, event -> {
            scrollTo(scrollTop - event.count * rowHeight() / 3);
            event.doit = false;
        });
        getVerticalBar().addListener(SWT.Selection, event -> scrollTo(getVerticalBar().getSelection()));
    }

    public void setItems(List<Image> newItems) {
        checkWidget();
        Image selected = selection().orElse(null);
        items = List.copyOf(newItems);
        int index = -1;
        if (selected != null) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).id() == selected.id()) {
                    index = i;
                }
            }
        }
        cursor = new GridCursor(index, items.size(), columns());
        chosen.selected(items); // forgets what is gone
        if (items.isEmpty()) {
            scrollTop = 0;
        }
        layoutRows();
    }

    public List<Image> items() {
        return items;
    }

    public void setThumbnails(Function<Image, org.eclipse.swt.graphics.Image> provider) {
        thumbnails = provider;
        redraw();
    }

    /** The lines under each thumbnail (the first drawn bold); at most {@value #TEXT_LINES}. */
    public void setCaptions(Function<Image, List<String>> provider) {
        captions = provider;
        redraw();
    }

    public void setThumbnailSize(int size) {
        thumbnailSize = size;
        layoutRows();
    }

    /** What an empty grid says, e.g. "No images yet" or "Loading…". */
    public void setEmptyText(String text) {
        emptyText = text == null ? "" : text;
        if (items.isEmpty()) {
            redraw();
        }
    }

    public Optional<Image> selection() {
        return cursor.hasSelection() ? Optional.of(items.get(cursor.index())) : Optional.empty();
    }

    public void select(int index) {
        choose(cursor.select(index), SWT.NONE);
    }

    /** The selected images in grid order: the lead alone, or all Ctrl/Shift added. */
    public List<Image> selectedImages() {
        return chosen.selected(items);
    }

    public void selectAll() {
        chosen.selectAll(items);
        redraw();
        fireChosen();
    }

    /** Hears every change of {@link #selectedImages()}. */
    public void onSelectedImages(Consumer<List<Image>> listener) {
        chosenListeners.add(listener);
    }

    public void onSelection(Consumer<Image> listener) {
        selectionListeners.add(listener);
    }

    public void onOpen(Consumer<Image> listener) {
        openListeners.add(listener);
    }

    /** Hears the Delete key with the images selected then (at least one); whoever listens asks before deleting. */
    public void onDelete(Consumer<List<Image>> listener) {
        deleteListeners.add(listener);
    }

    public void onReachedEnd(Runnable listener) {
        endListeners.add(listener);
    }

    /** The cell bounds of an item, in the grid's coordinates (for tests that click). */
    public Rectangle cellBounds(int index) {
        int columns = columns();
        return new Rectangle(GAP + (index % columns) * (cellWidth() + GAP),
                GAP + (index / columns) * rowHeight() - scrollTop, cellWidth(), rowHeight() - GAP);
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        int width = wHint == SWT.DEFAULT ? 3 * (cellWidth() + GAP) + GAP : wHint;
        int height = hHint == SWT.DEFAULT ? 2 * rowHeight() + GAP : hHint;
        return new Point(width, height);
    }

    private int cellWidth() {
        return thumbnailSize + 8;
    }

    private int lineHeight() {
        GC gc = new GC(this);
        try {
            return gc.getFontMetrics().getHeight();
        } finally {
            gc.dispose();
        }
    }

    /** Pictures are mostly landscape: a 4:3 box wastes less room than a square one. */
    private int boxHeight() {
        return thumbnailSize * 3 / 4;
    }

    private int rowHeight() {
        return boxHeight() + 10 + TEXT_LINES * lineHeight() + GAP;
    }

    private int columns() {
        int width = getClientArea().width - GAP;
        return Math.max(1, width / (cellWidth() + GAP));
    }

    private int contentHeight() {
        return cursor.rows() * rowHeight() + GAP;
    }

    private void layoutRows() {
        cursor = cursor.resize(items.size(), columns());
        ScrollBar bar = getVerticalBar();
        int visible = Math.max(1, getClientArea().height);
        int total = Math.max(visible, contentHeight());
        scrollTop = Math.max(0, Math.min(scrollTop, total - visible));
        bar.setValues(scrollTop, 0, total, visible, Math.max(1, rowHeight() / 4), visible);
        bar.setEnabled(total > visible);
        redraw();
    }

    private void scrollTo(int top) {
        int visible = Math.max(1, getClientArea().height);
        scrollTop = Math.max(0, Math.min(top, Math.max(0, contentHeight() - visible)));
        getVerticalBar().setSelection(scrollTop);
        redraw();
        checkReachedEnd();
    }

    /** Only the user's scrolling counts: a grid that merely fits everything must not load batch after batch. */
    private void checkReachedEnd() {
        if (!items.isEmpty() && scrollTop + getClientArea().height >= contentHeight() - rowHeight() / 2) {
            endListeners.forEach(Runnable::run);
        }
    }

    private void reveal(int index) {
        Rectangle cell = cellBounds(index);
        int visible = getClientArea().height;
        if (cell.y < 0) {
            scrollTo(scrollTop + cell.y - GAP);
        } else if (cell.y + cell.height > visible) {
            scrollTo(scrollTop + cell.y + cell.height - visible + GAP);
        }
    }

    private Optional<Integer> indexAt(int x, int y) {
        int columns = columns();
        int column = (x - GAP) / (cellWidth() + GAP);
        int row = (y + scrollTop - GAP) / rowHeight();
        int index = row * columns + column;
        if (x < GAP || column >= columns || index < 0 || index >= items.size()
                || !cellBounds(index).contains(x, y)) {
            return Optional.empty();
        }
        return Optional.of(index);
    }

    private void mouseDown(Event event) {
        setFocus();
        indexAt(event.x, event.y).ifPresent(index -> choose(cursor.select(index), event.stateMask));
    }

    /** Moves the lead, and the selection as the modifier keys say: Ctrl adds or removes, Shift extends. */
    private void choose(GridCursor next, int stateMask) {
        if ((stateMask & SWT.MOD1) != 0) {
            chosen.toggle(items, next.index());
        } else if ((stateMask & SWT.SHIFT) != 0) {
            chosen.extend(items, next.index());
        } else {
            chosen.click(items, next.index());
        }
        moveTo(next); // redraws
        fireChosen();
    }

    private void fireChosen() {
        List<Image> selected = selectedImages();
        chosenListeners.forEach(listener -> listener.accept(selected));
    }

    private void keyDown(Event event) {
        switch (event.keyCode) {
            case SWT.ARROW_LEFT -> choose(cursor.left(), event.stateMask & SWT.SHIFT);
            case SWT.ARROW_RIGHT -> choose(cursor.right(), event.stateMask & SWT.SHIFT);
            case SWT.ARROW_UP -> choose(cursor.up(), event.stateMask & SWT.SHIFT);
            case SWT.ARROW_DOWN -> choose(cursor.down(), event.stateMask & SWT.SHIFT);
            case SWT.HOME -> choose(cursor.first(), event.stateMask & SWT.SHIFT);
            case SWT.END -> choose(cursor.last(), event.stateMask & SWT.SHIFT);
            case 'a' -> {
                if ((event.stateMask & SWT.MOD1) == 0) {
                    return;
                }
                selectAll();
            }
            case SWT.CR, SWT.KEYPAD_CR -> selection().ifPresent(image -> openListeners.forEach(l -> l.accept(image)));
            case SWT.DEL -> Optional.of(selectedImages()).filter(selected -> !selected.isEmpty())
                    .ifPresent(selected -> deleteListeners.forEach(listener -> listener.accept(selected)));
            default -> {
                return;
            }
        }
        event.doit = false;
    }

    private void open(int index) {
        choose(cursor.select(index), SWT.NONE);
        Image image = items.get(index);
        openListeners.forEach(listener -> listener.accept(image));
    }

    private void moveTo(GridCursor next) {
        boolean changed = next.index() != cursor.index();
        cursor = next;
        if (cursor.hasSelection()) {
            reveal(cursor.index());
            if (cursor.row(cursor.index()) == cursor.rows() - 1) {
                checkReachedEnd(); // moving onto the last row with the keys is scrolling to the end too
            }
        }
        redraw();
        if (changed && cursor.hasSelection()) {
            Image image = items.get(cursor.index());
            selectionListeners.forEach(listener -> listener.accept(image));
        }
    }

    private void paint(Event event) {
        GC gc = event.gc;
        gc.setInterpolation(SWT.HIGH);
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        Rectangle area = getClientArea();
        gc.setBackground(getBackground());
        gc.fillRectangle(area);
        if (items.isEmpty()) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
            Point extent = gc.textExtent(emptyText);
            gc.drawText(emptyText, Math.max(GAP, (area.width - extent.x) / 2), Math.max(GAP, area.height / 3), true);
            return;
        }
        int columns = columns();
        int firstRow = Math.max(0, scrollTop / rowHeight());
        int lastRow = Math.min(cursor.rows() - 1, (scrollTop + area.height) / rowHeight());
        for (int row = firstRow; row <= lastRow; row++) {
            for (int column = 0; column < columns; column++) {
                int index = row * columns + column;
                if (index < items.size()) {
                    paintCell(gc, index);
                }
            }
        }
    }

    private void paintCell(GC gc, int index) {
        Image image = items.get(index);
        Rectangle cell = cellBounds(index);
        boolean selected = chosen.size() == 0 ? index == cursor.index() : chosen.isSelected(image);
        Color text = getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND);
        if (selected) {
            gc.setBackground(getDisplay().getSystemColor(
                    isFocusControl() ? SWT.COLOR_LIST_SELECTION : SWT.COLOR_WIDGET_LIGHT_SHADOW));
            gc.fillRoundRectangle(cell.x - 4, cell.y - 4, cell.width + 8, cell.height + 4, 8, 8);
            if (isFocusControl()) {
                text = getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION_TEXT);
            }
        }
        int box = thumbnailSize;
        int boxHeight = boxHeight();
        int boxX = cell.x + (cell.width - box) / 2;
        int boxY = cell.y + 4;
        org.eclipse.swt.graphics.Image thumbnail = thumbnails.apply(image);
        if (thumbnail != null && !thumbnail.isDisposed()) {
            Rectangle size = thumbnail.getBounds();
            double scale = Math.min(1.0, Math.min((double) box / size.width, (double) boxHeight / size.height));
            int width = (int) Math.round(size.width * scale);
            int height = (int) Math.round(size.height * scale);
            // bottom-aligned, so the caption sits right under every picture whatever its shape
            gc.drawImage(thumbnail, 0, 0, size.width, size.height, boxX + (box - width) / 2, boxY + boxHeight - height,
                    width, height);
        } else {
            gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
            gc.fillRectangle(boxX + 8, boxY + 8, box - 16, boxHeight - 16);
        }
        gc.setForeground(text);
        int y = boxY + boxHeight + 6;
        List<String> lines = new ArrayList<>(captions.apply(image));
        for (int i = 0; i < Math.min(TEXT_LINES, lines.size()); i++) {
            String line = shorten(gc, lines.get(i), cell.width);
            int x = cell.x + (cell.width - gc.textExtent(line).x) / 2;
            gc.drawText(line, x, y, true);
            y += gc.getFontMetrics().getHeight();
        }
    }

    private static String shorten(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        String shortened = text;
        while (shortened.length() > 1 && gc.textExtent(shortened + "\u2026").x > width) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened + "\u2026";
    }
}
