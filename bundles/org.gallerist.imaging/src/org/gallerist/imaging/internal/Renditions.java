package org.gallerist.imaging.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Pixel work for thumbnails and previews: flattening, scaling, JPEG encoding. */
final class Renditions {

    static final float JPEG_QUALITY = 0.85f;

    private Renditions() {
    }

    /** An opaque RGB copy with transparent parts composed onto white (JPEG has no alpha). */
    static BufferedImage flattenOntoWhite(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /**
     * The factor by which to subsample while decoding so that the decoded image keeps at least twice the target edge:
     * memory stays bounded for big images, and the final downscale still has enough pixels for good quality.
     */
    static int subsampling(int width, int height, int maxEdge) {
        int longEdge = Math.max(width, height);
        return Math.max(1, longEdge / (2 * maxEdge));
    }

    /** The size that fits {@code maxEdge} on the long side, keeping the aspect ratio; never larger than the image. */
    static int[] fit(int width, int height, int maxEdge) {
        int longEdge = Math.max(width, height);
        if (longEdge <= maxEdge) {
            return new int[] {width, height};
        }
        double scale = (double) maxEdge / longEdge;
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        return new int[] {Math.min(w, maxEdge), Math.min(h, maxEdge)};
    }

    /**
     * Scales a {@link BufferedImage#TYPE_INT_RGB} image down to fit {@code maxEdge} (never up): halves with bilinear
     * filtering while more than twice too big, then one bicubic step to the exact size, which avoids the aliasing of a
     * single large bilinear step.
     */
    static BufferedImage fitWithin(BufferedImage image, int maxEdge) {
        int[] target = fit(image.getWidth(), image.getHeight(), maxEdge);
        BufferedImage current = image;
        while (current.getWidth() / 2 >= target[0] && current.getHeight() / 2 >= target[1]
                && (current.getWidth() > target[0] || current.getHeight() > target[1])) {
            current = resize(current, current.getWidth() / 2, current.getHeight() / 2,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getWidth() != target[0] || current.getHeight() != target[1]) {
            current = resize(current, target[0], target[1], RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        }
        return current;
    }

    private static BufferedImage resize(BufferedImage image, int width, int height, Object interpolation) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Baseline JPEG at {@link #JPEG_QUALITY}, with a writer of its own (thread-safe). */
    static byte[] encodeJpeg(BufferedImage rgb, ImageWriterSpi jpegWriter) throws IOException {
        ImageWriter writer = jpegWriter.createWriterInstance();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(rgb, null, null), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }
}
