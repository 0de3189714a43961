package org.gallerist.transport.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;

/** Distinct small photos-to-be: 640×480 PNGs of coloured noise blocks, made at run time. */
final class BenchImages {

    private BenchImages() {
    }

    static NewImage newImage(int seed) {
        return new NewImage("Bench image " + seed, "made for the latency bench", List.of("bench", "tag" + seed % 5),
                BigDecimal.valueOf(5), 3, Visibility.PUBLIC);
    }

    static byte[] png(int seed) throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < image.getHeight(); y += 16) {
            for (int x = 0; x < image.getWidth(); x += 16) {
                int rgb = random.nextInt(0x1000000);
                for (int dy = 0; dy < 16; dy++) {
                    for (int dx = 0; dx < 16; dx++) {
                        image.setRGB(x + dx, y + dy, rgb);
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A photo-like JPEG: smooth gradients with fine noise, different for every seed. */
    static byte[] photoJpeg(int seed, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        int tint = random.nextInt(0x1000000);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(20);
                int r = (((tint >> 16) & 0xff) * x / width + noise) & 0xff;
                int g = (((tint >> 8) & 0xff) * y / height + noise) & 0xff;
                int b = ((tint & 0xff) * (x + y) / (width + height) + noise) & 0xff;
                row[x] = r << 16 | g << 8 | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
