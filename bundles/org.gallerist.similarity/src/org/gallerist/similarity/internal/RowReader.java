package org.gallerist.similarity.internal;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;

/** Reads a row of any image as packed ARGB, the way it looks on screen. */
abstract class RowReader {

    abstract void read(int y, int[] argb);

    static RowReader of(BufferedImage image) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        boolean grey = model.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && raster.getNumBands() == (model.hasAlpha() ? 2 : 1);
        return grey ? new Grey(raster, model.hasAlpha(), model.getComponentSize(0)) : new Generic(image);
    }

    private static final class Generic extends RowReader {
        private final BufferedImage image;

        Generic(BufferedImage image) {
            this.image = image;
        }

        @Override
        void read(int y, int[] argb) {
            image.getRGB(0, y, image.getWidth(), 1, argb, 0, image.getWidth());
        }
    }

    /**
     * Grey samples taken as they are. {@code getRGB} would treat them as linear light (the JDK's grey colour space)
     * and brighten the mid-tones, while decoders, {@code drawImage} and every viewer show a grey JPEG or PNG value as
     * is: without this, a greyscale image and its RGB copy would get different vectors.
     */
    private static final class Grey extends RowReader {
        private final Raster raster;
        private final boolean alpha;
        private final int max;
        private final int[] samples;
        private final int[] alphas;

        Grey(Raster raster, boolean alpha, int bits) {
            this.raster = raster;
            this.alpha = alpha;
            this.max = (1 << bits) - 1;
            this.samples = new int[raster.getWidth()];
            this.alphas = alpha ? new int[raster.getWidth()] : null;
        }

        @Override
        void read(int y, int[] argb) {
            int width = raster.getWidth();
            raster.getSamples(0, y, width, 1, 0, samples);
            if (alpha) {
                raster.getSamples(0, y, width, 1, 1, alphas);
            }
            for (int x = 0; x < width; x++) {
                int level = (samples[x] * 255 + max / 2) / max;
                int opacity = alpha ? (alphas[x] * 255 + max / 2) / max : 255;
                argb[x] = opacity << 24 | level << 16 | level << 8 | level;
            }
        }
    }
}
