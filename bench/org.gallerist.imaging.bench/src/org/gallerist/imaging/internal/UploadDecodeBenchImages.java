package org.gallerist.imaging.internal;

import java.awt.image.BufferedImage;
import java.util.Random;

/** Photo-like test pictures for the benchmarks: smooth gradients with noise, which compress like photographs. */
final class UploadDecodeBenchImages {

    private UploadDecodeBenchImages() {
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
}
