package org.gallerist.similarity.djl.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Turns an image into the planar float input of a CNN in plain Java (DJL's ONNX Runtime NDArray has no image maths):
 * scale the short side to 256/224 of the input size, centre-crop a square, then per-channel normalisation.
 */
public enum Preprocessing {

    /** Caffe convention: channels B, G, R; values 0-255 minus the ImageNet mean; no scaling. */
    CAFFE_BGR_MEAN("caffe-bgr-mean", new int[] { 0, 1, 2 }, new float[] { 104, 117, 123 }, new float[] { 1, 1, 1 }, 1f),
    /** torchvision convention: channels R, G, B; values 0-1, minus the mean, divided by the standard deviation. */
    IMAGENET_RGB_MEANSTD("imagenet-rgb-meanstd", new int[] { 2, 1, 0 }, new float[] { 0.485f, 0.456f, 0.406f },
            new float[] { 0.229f, 0.224f, 0.225f }, 1 / 255f);

    private static final double RESIZE_TO_CROP = 256.0 / 224.0;

    private final String profile;
    /** For each output plane, which byte of the packed 0xRRGGBB pixel it takes (0 = blue, 1 = green, 2 = red). */
    private final int[] planeByte;
    private final float[] mean;
    private final float[] std;
    private final float scale;

    Preprocessing(String profile, int[] planeByte, float[] mean, float[] std, float scale) {
        this.profile = profile;
        this.planeByte = planeByte;
        this.mean = mean;
        this.std = std;
        this.scale = scale;
    }

    public String profile() {
        return profile;
    }

    public static Preprocessing of(String profile) {
        return Arrays.stream(values()).filter(p -> p.profile.equals(profile)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown preprocessing profile '" + profile
                        + "'; known: " + Arrays.stream(values()).map(Preprocessing::profile).toList() + "."));
    }

    /** Writes the 3 x size x size input of {@code image} into {@code target} from {@code offset} on. */
    public void fill(BufferedImage image, int size, float[] target, int offset) {
        int[] pixels = cropped(image, size).getRGB(0, 0, size, size, null, 0, size);
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            int shift = planeByte[c] * 8;
            float m = mean[c];
            float factor = scale / std[c];
            float offsetMean = m / std[c];
            int base = offset + c * plane;
            for (int i = 0; i < plane; i++) {
                target[base + i] = ((pixels[i] >> shift) & 0xFF) * factor - offsetMean;
            }
        }
    }

    /** The short side scaled to 256/224 x size, centre-cropped to size x size, as TYPE_INT_RGB. */
    static BufferedImage cropped(BufferedImage image, int size) {
        int width = image.getWidth();
        int height = image.getHeight();
        double factor = size * RESIZE_TO_CROP / Math.min(width, height);
        BufferedImage source = image;
        // Bilinear scaling by less than a half skips pixels and aliases; halve first, as often as needed.
        while (factor < 0.5) {
            width = Math.max(1, (width + 1) / 2);
            height = Math.max(1, (height + 1) / 2);
            source = scaled(source, width, height, 0, 0, width, height);
            factor = size * RESIZE_TO_CROP / Math.min(width, height);
        }
        int scaledWidth = (int) Math.round(width * factor);
        int scaledHeight = (int) Math.round(height * factor);
        return scaled(source, size, size, -(scaledWidth - size) / 2, -(scaledHeight - size) / 2, scaledWidth,
                scaledHeight);
    }

    private static BufferedImage scaled(BufferedImage source, int canvasWidth, int canvasHeight, int x, int y,
            int width, int height) {
        BufferedImage target = new BufferedImage(canvasWidth, canvasHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, x, y, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
