package org.gallerist.integration.tests;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

/** Images made in the test, so none are committed: a seeded pattern is unique per seed. */
final class TestImages {

    private TestImages() {
    }

    static byte[] png(int seed, int width, int height) throws IOException {
        return encode(pattern(seed, width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    static byte[] jpeg(int seed, int width, int height) throws IOException {
        return encode(pattern(seed, width, height, BufferedImage.TYPE_INT_RGB), "jpg");
    }

    /** Random pixels: incompressible, about 3 bytes per pixel as PNG. */
    static byte[] noisyPng(int seed, int width, int height) throws IOException {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return encode(image, "png");
    }

    static byte[] truncated(byte[] image) {
        return Arrays.copyOf(image, image.length / 2);
    }

    private static BufferedImage pattern(int seed, int width, int height, int type) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < 12; i++) {
                g.setColor(new Color(random.nextInt(0xFFFFFF)));
                g.fillOval(random.nextInt(width), random.nextInt(height), 1 + random.nextInt(width / 2 + 1),
                        1 + random.nextInt(height / 2 + 1));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("No writer for " + format);
        }
        return out.toByteArray();
    }
}
