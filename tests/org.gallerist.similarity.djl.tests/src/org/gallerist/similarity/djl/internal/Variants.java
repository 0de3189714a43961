package org.gallerist.similarity.djl.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Edited copies of a photo, the kind a user uploads again: crops, resizes, rotations, recolourings, re-encodings. */
final class Variants {

    private Variants() {
    }

    /** One or two of each kind of edit, at the strength a user applies them: recall@1 is asserted on these. */
    static Map<String, UnaryOperator<BufferedImage>> all() {
        Map<String, UnaryOperator<BufferedImage>> variants = new LinkedHashMap<>();
        variants.put("centre crop 80%", image -> crop(image, 0.1, 0.1, 0.8));
        variants.put("scaled to 96 px", image -> scale(image, 96));
        variants.put("rotated 10 degrees", image -> rotate(image, 10));
        variants.put("rotated 90 degrees", image -> rotate(image, 90));
        variants.put("mirrored", Variants::mirror);
        variants.put("greyscale", Variants::greyscale);
        variants.put("warmer", image -> shift(image, 30, 0, -30));
        variants.put("darker", image -> scaleColours(image, 0.6));
        variants.put("JPEG quality 5%", image -> jpeg(image, 0.05f));
        variants.put("96 px, JPEG quality 20%", image -> jpeg(scale(image, 96), 0.2f));
        return variants;
    }

    /**
     * Stronger crops and rotations. Global CNN features barely tell the two motorcycle views (a stereo pair) apart,
     * and these move a view further than the parallax between them: measured and printed, not asserted.
     */
    static Map<String, UnaryOperator<BufferedImage>> harder() {
        Map<String, UnaryOperator<BufferedImage>> variants = new LinkedHashMap<>();
        variants.put("centre crop 70%", image -> crop(image, 0.15, 0.15, 0.7));
        variants.put("top-left crop 80%", image -> crop(image, 0, 0, 0.8));
        variants.put("bottom-right crop 80%", image -> crop(image, 0.2, 0.2, 0.8));
        variants.put("rotated -12 degrees", image -> rotate(image, -12));
        return variants;
    }

    static BufferedImage crop(BufferedImage image, double left, double top, double fraction) {
        int x = (int) (image.getWidth() * left);
        int y = (int) (image.getHeight() * top);
        int width = (int) (image.getWidth() * fraction);
        int height = (int) (image.getHeight() * fraction);
        return copy(image.getSubimage(x, y, width, height));
    }

    static BufferedImage scale(BufferedImage image, int longSide) {
        double factor = (double) longSide / Math.max(image.getWidth(), image.getHeight());
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image.getScaledInstance(width, height, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return scaled;
    }

    /** Rotated about the centre on a canvas that holds all of it (corners filled with grey). */
    static BufferedImage rotate(BufferedImage image, double degrees) {
        double radians = Math.toRadians(degrees);
        double sin = Math.abs(Math.sin(radians));
        double cos = Math.abs(Math.cos(radians));
        int width = (int) Math.round(image.getWidth() * cos + image.getHeight() * sin);
        int height = (int) Math.round(image.getWidth() * sin + image.getHeight() * cos);
        BufferedImage rotated = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rotated.createGraphics();
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform transform = new AffineTransform();
        transform.translate(width / 2.0, height / 2.0);
        transform.rotate(radians);
        transform.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        g.drawImage(image, transform, null);
        g.dispose();
        return rotated;
    }

    static BufferedImage mirror(BufferedImage image) {
        BufferedImage mirrored = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = mirrored.createGraphics();
        g.drawImage(image, image.getWidth(), 0, -image.getWidth(), image.getHeight(), null);
        g.dispose();
        return mirrored;
    }

    static BufferedImage greyscale(BufferedImage image) {
        return perPixel(image, (r, g, b) -> {
            int y = (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
            return rgb(y, y, y);
        });
    }

    static BufferedImage shift(BufferedImage image, int red, int green, int blue) {
        return perPixel(image, (r, g, b) -> rgb(r + red, g + green, b + blue));
    }

    static BufferedImage scaleColours(BufferedImage image, double factor) {
        return perPixel(image, (r, g, b) -> rgb((int) (r * factor), (int) (g * factor), (int) (b * factor)));
    }

    static BufferedImage jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(copy(image), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface PixelMap {
        int apply(int r, int g, int b);
    }

    private static BufferedImage perPixel(BufferedImage image, PixelMap map) {
        BufferedImage result = copy(image);
        for (int y = 0; y < result.getHeight(); y++) {
            for (int x = 0; x < result.getWidth(); x++) {
                int rgb = result.getRGB(x, y);
                result.setRGB(x, y, map.apply((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
            }
        }
        return result;
    }

    private static int rgb(int r, int g, int b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    /** A TYPE_INT_RGB copy (JPEG writers and sub-images need their own raster). */
    static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }
}
