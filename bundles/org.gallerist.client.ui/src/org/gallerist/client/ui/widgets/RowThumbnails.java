package org.gallerist.client.ui.widgets;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.gallerist.api.image.ImageSize;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.ui.jobs.Background;

/**
 * Small thumbnails for the rows of a table (cart, orders), fetched once per image in a background job and kept until the part goes.
 * Until one arrives (or if it cannot be had) the row shows a blank square, so every row has the same height.
 */
public final class RowThumbnails {
    public static final int SIZE = 48;

    private final SessionModel sessions;
    private final Background background;
    private final Display display;
    private final Image blank;
    private final Map<Long, Image> images = new HashMap<>();
    private final Set<Long> requested = new HashSet<>();

    /** Fetched over the current session; what arrives after {@code owner} is disposed is dropped. */
    public RowThumbnails(SessionModel sessions, Control owner) {
        this.sessions = sessions;
        this.background = new Background(sessions, owner);
        this.display = owner.getDisplay();
        this.blank = new Image(display, SIZE, SIZE);
        GC gc = new GC(blank);
        gc.setBackground(display.getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
        gc.fillRectangle(0, 0, SIZE, SIZE);
        gc.dispose();
    }

    /** The thumbnail if it is here; otherwise the blank square, and a fetch starts that calls {@code arrived}. */
    public Image get(long imageId, LongConsumer arrived) {
        Image image = images.get(imageId);
        if (image != null) {
            return image;
        }
        if (sessions.session().isPresent() && requested.add(imageId)) {
            background.run("Fetching a thumbnail", session -> scaled(new ImageData(new ByteArrayInputStream(
                    session.images().content(imageId, ImageSize.THUMB)))), data -> {
                        if (!blank.isDisposed()) {
                            images.put(imageId, squared(data));
                            arrived.accept(imageId);
                        }
                    }, failure -> {
                        // The row keeps its blank square; the name beside it is what matters.
                    });
        }
        return blank;
    }

    /** Centred on a square, because a table draws every row's image at the size of the first. */
    private Image squared(ImageData data) {
        Image square = new Image(display, SIZE, SIZE);
        Image picture = new Image(display, data);
        GC gc = new GC(square);
        gc.setBackground(display.getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
        gc.fillRectangle(0, 0, SIZE, SIZE);
        gc.drawImage(picture, (SIZE - data.width) / 2, (SIZE - data.height) / 2);
        gc.dispose();
        picture.dispose();
        return square;
    }

    private static ImageData scaled(ImageData data) {
        double factor = (double) SIZE / Math.max(data.width, data.height);
        return data.scaledTo(Math.max(1, (int) Math.round(data.width * factor)),
                Math.max(1, (int) Math.round(data.height * factor)));
    }

    public void dispose() {
        images.values().forEach(Image::dispose);
        images.clear();
        blank.dispose();
    }
}
