package org.gallerist.imaging.internal;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;

/** What the imaging benchmarks share: photo-like pictures (smooth gradients with noise) and the median. */
final class ImagingBenchSupport {

    private ImagingBenchSupport() {
    }

    static BufferedImage photoLike(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(24);
                int r = Math.min(255, x * 200 / width + noise);
                int g = Math.min(255, y * 200 / height + noise);
                int bl = Math.min(255, (x + y) * 100 / (width + height) + 80 + noise);
                row[x] = r << 16 | g << 8 | bl;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    /** The median of durations in nanoseconds, in milliseconds. */
    static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
