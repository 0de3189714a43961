package org.gallerist.similarity.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class PreprocessingTest {

    @Test
    void caffeProfileIsBgrMinusTheMean() {
        float[] input = new float[3 * 32 * 32];
        Preprocessing.CAFFE_BGR_MEAN.fill(filled(300, 200, new Color(200, 100, 50)), 32, input, 0);
        assertEquals(50 - 104, input[0], 1e-3, "blue plane first");
        assertEquals(100 - 117, input[32 * 32 + 5], 1e-3, "green");
        assertEquals(200 - 123, input[2 * 32 * 32 + 1023], 1e-3, "red last");
    }

    @Test
    void imagenetProfileIsRgbScaledMinusMeanOverStd() {
        float[] input = new float[3 * 32 * 32];
        Preprocessing.IMAGENET_RGB_MEANSTD.fill(filled(40, 90, new Color(255, 0, 128)), 32, input, 0);
        assertEquals((1 - 0.485) / 0.229, input[0], 1e-3, "red plane first");
        assertEquals((0 - 0.456) / 0.224, input[32 * 32], 1e-3);
        assertEquals((128 / 255.0 - 0.406) / 0.225, input[2 * 32 * 32], 1e-3);
    }

    @Test
    void theShortSideIsScaledAndTheCentreCropped() {
        // left third red, middle third green, right third blue: the centre crop of a 3:1 image is all green
        BufferedImage image = new BufferedImage(900, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 300, 300);
        g.setColor(Color.GREEN);
        g.fillRect(300, 0, 300, 300);
        g.setColor(Color.BLUE);
        g.fillRect(600, 0, 300, 300);
        g.dispose();
        BufferedImage cropped = Preprocessing.cropped(image, 224);
        assertEquals(224, cropped.getWidth());
        assertEquals(224, cropped.getHeight());
        assertEquals(Color.GREEN.getRGB(), cropped.getRGB(0, 0));
        assertEquals(Color.GREEN.getRGB(), cropped.getRGB(223, 223));
        BufferedImage large = Preprocessing.cropped(filled(4000, 3000, Color.ORANGE), 224);
        assertEquals(Color.ORANGE.getRGB(), large.getRGB(112, 112), "halved several times on the way");
    }

    @Test
    void profilesAreNamedAsInTheConfiguration() {
        assertEquals(Preprocessing.CAFFE_BGR_MEAN, Preprocessing.of("caffe-bgr-mean"));
        assertEquals(Preprocessing.IMAGENET_RGB_MEANSTD, Preprocessing.of("imagenet-rgb-meanstd"));
        assertThrows(IllegalArgumentException.class, () -> Preprocessing.of("rgb"));
    }

    private static BufferedImage filled(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }
}
