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
}
