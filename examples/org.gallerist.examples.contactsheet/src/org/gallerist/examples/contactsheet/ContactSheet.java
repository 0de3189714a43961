package org.gallerist.examples.contactsheet;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;

/**
 * A sheet of thumbnails in rows of {@link #COLUMNS}, each with its name and price below, as SWT image data (so
 * {@link ImageLoader} writes it as a PNG).
 */
final class ContactSheet {
    static final int COLUMNS = 5;
    static final int CELL = 180;
    static final int CAPTION = 36;
    static final int MARGIN = 12;

    /** One image's place on the sheet. */
    record Entry(String caption, ImageData thumb) {
    }

    private final List<Entry> entries;

    private ContactSheet(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Pairs each image with its thumbnail's bytes (same order); a thumbnail that cannot be read stays blank. */
    static ContactSheet of(List<org.gallerist.api.image.Image> images, List<byte[]> thumbs) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            org.gallerist.api.image.Image image = images.get(i);
            ImageData thumb;
            try {
                thumb = new ImageData(new ByteArrayInputStream(thumbs.get(i)));
            } catch (RuntimeException unreadable) {
                thumb = null;
            }
            entries.add(new Entry(image.name() + "\n" + image.price().toPlainString() + " \u00b7 #" + image.id(), thumb));
        }
        return new ContactSheet(entries);
    }

    int size() {
        return entries.size();
    }

    Point dimensions() {
        int rows = Math.max(1, (entries.size() + COLUMNS - 1) / COLUMNS);
        int columns = Math.min(COLUMNS, Math.max(1, entries.size()));
        return new Point(MARGIN + columns * (CELL + MARGIN), MARGIN + rows * (CELL + CAPTION + MARGIN));
    }

    /** Draws the sheet; the caller disposes the image. */
    Image draw(Display display) {
        Point size = dimensions();
        Image sheet = new Image(display, size.x, size.y);
        GC gc = new GC(sheet);
        try {
            gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
            gc.fillRectangle(0, 0, size.x, size.y);
            gc.setForeground(display.getSystemColor(SWT.COLOR_BLACK));
            for (int i = 0; i < entries.size(); i++) {
                int x = MARGIN + (i % COLUMNS) * (CELL + MARGIN);
                int y = MARGIN + (i / COLUMNS) * (CELL + CAPTION + MARGIN);
                drawThumb(display, gc, entries.get(i).thumb(), x, y);
                gc.drawText(entries.get(i).caption(), x, y + CELL + 2, true);
            }
        } finally {
            gc.dispose();
        }
        return sheet;
    }

    private static void drawThumb(Display display, GC gc, ImageData data, int x, int y) {
        gc.setForeground(display.getSystemColor(SWT.COLOR_GRAY));
        gc.drawRectangle(x, y, CELL - 1, CELL - 1);
        gc.setForeground(display.getSystemColor(SWT.COLOR_BLACK));
        if (data == null) {
            return;
        }
        double scale = Math.min(1.0, Math.min((double) (CELL - 2) / data.width, (double) (CELL - 2) / data.height));
        int width = (int) Math.round(data.width * scale);
        int height = (int) Math.round(data.height * scale);
        Image thumb = new Image(display, data);
        try {
            gc.drawImage(thumb, 0, 0, data.width, data.height, x + (CELL - width) / 2, y + (CELL - height) / 2, width,
                    height);
        } finally {
            thumb.dispose();
        }
    }

    /** Writes the sheet as a PNG file. */
    void savePng(Display display, String file) {
        Image sheet = draw(display);
        try {
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { sheet.getImageData() };
            loader.save(file, SWT.IMAGE_PNG);
        } finally {
            sheet.dispose();
        }
    }
}
