package org.gallerist.client.ui.tests;

import java.io.ByteArrayOutputStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;

/** Small, clearly different test pictures drawn with SWT: a sky gradient, a sun or moon, and hills. */
final class Pictures {
    private Pictures() {
    }

    /** A PNG of 320 × 240 whose colours and shapes follow from {@code seed}. */
    static byte[] png(Display display, int seed) {
        return png(display, seed, 320, 240);
    }

    static byte[] png(Display display, int seed, int width, int height) {
        Image image = new Image(display, width, height);
        GC gc = new GC(image);
        Color top = new Color(display, (seed * 67) % 256, (seed * 131 + 60) % 256, (seed * 29 + 150) % 256);
        Color bottom = new Color(display, (seed * 17 + 200) % 256, (seed * 97 + 90) % 256, (seed * 53) % 256);
        Color hills = new Color(display, (seed * 41 + 20) % 120, (seed * 73 + 80) % 160, (seed * 19 + 30) % 100);
        Color sun = new Color(display, 255, 240 - seed * 20 % 120, 120 + seed * 30 % 120);
        try {
            gc.setForeground(top);
            gc.setBackground(bottom);
            gc.fillGradientRectangle(0, 0, width, height, true);
            gc.setBackground(sun);
            int size = height / 4 + (seed % 3) * height / 12;
            gc.fillOval((seed * 53) % (width - size), height / 8, size, size);
            gc.setBackground(hills);
            int[] shape = { 0, height, 0, height * 2 / 3, width / 3, height / 2 + (seed % 4) * height / 16,
                    width * 2 / 3, height * 3 / 4, width, height * 3 / 5, width, height };
            gc.fillPolygon(shape);
            ImageLoader loader = new ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            loader.save(out, SWT.IMAGE_PNG);
            return out.toByteArray();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
