package org.gallerist.client.ui.browse;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/** Draws one image scaled to fit, centred, or a short text while there is none. Owns (disposes) the image. */
final class PreviewCanvas extends Canvas {
    private Image image;
    private String text = "";

    PreviewCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        setBackground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
        addListener(SWT.Paint, event -> paint(event.gc));
        addDisposeListener(event -> setImage(null, ""));
    }

    void setImage(Image newImage, String newText) {
        if (image != null && image != newImage) {
            image.dispose();
        }
        image = newImage;
        text = newText == null ? "" : newText;
        if (!isDisposed()) {
            redraw();
        }
    }

    boolean hasImage() {
        return image != null;
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        if (image == null) {
            Point extent = gc.textExtent(text);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
            gc.drawText(text, Math.max(4, (area.width - extent.x) / 2), (area.height - extent.y) / 2, true);
            return;
        }
        gc.setInterpolation(SWT.HIGH);
        Rectangle size = image.getBounds();
        double scale = Math.min(1.0, Math.min((double) area.width / size.width, (double) area.height / size.height));
        int width = (int) Math.round(size.width * scale);
        int height = (int) Math.round(size.height * scale);
        gc.drawImage(image, 0, 0, size.width, size.height, (area.width - width) / 2, (area.height - height) / 2, width,
                height);
    }
}
