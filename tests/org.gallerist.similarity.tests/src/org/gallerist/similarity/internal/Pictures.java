package org.gallerist.similarity.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Test images: the shared photos, generated scenes, and the edits a copy of an image typically went through. */
final class Pictures {

    private Pictures() {
    }

    /** A photo and its file name. */
    record Photo(String name, BufferedImage image) {
    }

    /** The shared photos, or an empty list when there are none (the caller skips with the reason). */
    static List<Photo> sharedPhotos() {
        Path photos = photosFolder();
        if (!Files.isDirectory(photos)) {
            return List.of();
        }
        List<Photo> result = new ArrayList<>();
        try (Stream<Path> listing = Files.list(photos)) {
            for (Path file : listing.filter(p -> p.getFileName().toString().matches("(?i).*\\.(png|jpe?g)")).sorted()
                    .toList()) {
                BufferedImage image = ImageIO.read(file.toFile());
                assertTrue(image != null, "the JDK reads " + file);
                result.add(new Photo(file.getFileName().toString(), image));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    static Path photosFolder() {
        return Path.of(System.getProperty("gallerist.shared", "/work/shared")).resolve("photos");
    }

    /** A random but reproducible picture: a gradient sky, a few coloured shapes and some fine texture. */
    static BufferedImage scene(long seed, int width, int height) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(0, 0, randomColour(random), 0, height, randomColour(random)));
        g.fillRect(0, 0, width, height);
        for (int shape = 0; shape < 6 + random.nextInt(6); shape++) {
            g.setColor(randomColour(random));
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            int w = width / 8 + random.nextInt(width / 3);
            int h = height / 8 + random.nextInt(height / 3);
            if (random.nextBoolean()) {
                g.fillOval(x - w / 2, y - h / 2, w, h);
            } else {
                g.fillRect(x - w / 2, y - h / 2, w, h);
            }
        }
        g.setColor(randomColour(random));
        for (int line = 0; line < 40; line++) {
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            g.drawLine(x, y, x + random.nextInt(width / 4) - width / 8, y + random.nextInt(height / 4) - height / 8);
        }
        g.dispose();
        return image;
    }

    private static Color randomColour(Random random) {
        return Color.getHSBColor(random.nextFloat(), 0.3f + 0.7f * random.nextFloat(), 0.2f + 0.8f * random.nextFloat());
    }

    static BufferedImage filled(int width, int height, int type, Color colour) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Copies {@code source} into a new image of {@code type}, e.g. to get the same picture in another layout. */
    static BufferedImage convert(BufferedImage source, int type) {
        BufferedImage image = new BufferedImage(source.getWidth(), source.getHeight(), type);
        Graphics2D g = image.createGraphics();
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return image;
    }

    // --- edits ------------------------------------------------------------------------------------------------------

    /** Scales so that the longer side is {@code longSide} pixels, area-averaging like an image editor. */
    static UnaryOperator<BufferedImage> longSide(int longSide) {
        return image -> scale(image, (double) longSide / Math.max(image.getWidth(), image.getHeight()));
    }

    static UnaryOperator<BufferedImage> scaled(double factor) {
        return image -> scale(image, factor);
    }

    static UnaryOperator<BufferedImage> jpeg(float quality) {
        return image -> reencode(image, quality);
    }

    /** Keeps the given fractions of the width and height, starting at the given fractions from the top left. */
    static UnaryOperator<BufferedImage> crop(double left, double top, double width, double height) {
        return image -> {
            int x = (int) (left * image.getWidth());
            int y = (int) (top * image.getHeight());
            int w = (int) (width * image.getWidth());
            int h = (int) (height * image.getHeight());
            return convert(image.getSubimage(x, y, w, h), BufferedImage.TYPE_INT_RGB);
        };
    }

    /** Multiplies each channel, e.g. (1.12, 1, 0.85) for a warmer white balance. */
    static UnaryOperator<BufferedImage> channelGains(float red, float green, float blue) {
        return image -> perPixel(image, rgb -> new float[] {rgb[0] * red, rgb[1] * green, rgb[2] * blue});
    }

    static UnaryOperator<BufferedImage> hueRotated(float degrees) {
        return image -> perPixel(image, rgb -> {
            float[] hsb = Color.RGBtoHSB(Math.round(rgb[0] * 255), Math.round(rgb[1] * 255), Math.round(rgb[2] * 255),
                    null);
            Color rotated = new Color(Color.HSBtoRGB(hsb[0] + degrees / 360, hsb[1], hsb[2]));
            return new float[] {rotated.getRed() / 255f, rotated.getGreen() / 255f, rotated.getBlue() / 255f};
        });
    }

    /** Mixes each pixel with its grey: 0 keeps the colours, 1 leaves grey only. */
    static UnaryOperator<BufferedImage> desaturated(float amount) {
        return image -> perPixel(image, rgb -> {
            float grey = 0.299f * rgb[0] + 0.587f * rgb[1] + 0.114f * rgb[2];
            return new float[] {rgb[0] + (grey - rgb[0]) * amount, rgb[1] + (grey - rgb[1]) * amount,
                    rgb[2] + (grey - rgb[2]) * amount};
        });
    }

    static UnaryOperator<BufferedImage> gamma(double gamma) {
        return image -> perPixel(image, rgb -> new float[] {(float) Math.pow(rgb[0], gamma),
                (float) Math.pow(rgb[1], gamma), (float) Math.pow(rgb[2], gamma)});
    }

    private static BufferedImage scale(BufferedImage image, double factor) {
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(factor < 1 ? image.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING) : image, 0, 0,
                width, height, null);
        g.dispose();
        return scaled;
    }

    private static BufferedImage reencode(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(convert(image, BufferedImage.TYPE_INT_RGB), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface PixelMap {
        float[] apply(float[] rgb);
    }

    private static BufferedImage perPixel(BufferedImage image, PixelMap map) {
        BufferedImage result = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        float[] rgb = new float[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                rgb[0] = ((pixel >> 16) & 0xFF) / 255f;
                rgb[1] = ((pixel >> 8) & 0xFF) / 255f;
                rgb[2] = (pixel & 0xFF) / 255f;
                float[] mapped = map.apply(rgb);
                result.setRGB(x, y, channel(mapped[0]) << 16 | channel(mapped[1]) << 8 | channel(mapped[2]));
            }
        }
        return result;
    }

    private static int channel(float value) {
        return Math.clamp(Math.round(value * 255), 0, 255);
    }
}
