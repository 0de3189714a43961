package org.gallerist.imaging.internal;

import java.awt.image.BufferedImage;
import java.io.*;
import java.nio.file.*;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.stream.FileImageInputStream;

/** The time ContainerChecks.verify takes on a 12-megapixel noise PNG (36 MB) and JPEG (7 MB), three rounds. */
public class CheckBench {
    public static void main(String[] a) throws Exception {
        Random random = new Random(1);
        BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 3000; y++) for (int x = 0; x < 4000; x++) image.setRGB(x, y, random.nextInt(0x1000000));
        Path png = Path.of(System.getProperty("java.io.tmpdir") + "/gallerist-noise.png"), jpg = Path.of(System.getProperty("java.io.tmpdir") + "/gallerist-noise.jpg");
        ImageIO.write(image, "png", png.toFile());
        ImageIO.write(image, "jpg", jpg.toFile());
        for (Path file : new Path[] { png, jpg, png, jpg, png, jpg }) {
            String format = file.toString().endsWith("png") ? "png" : "jpeg";
            long t0 = System.nanoTime();
            try (FileImageInputStream in = new FileImageInputStream(file.toFile())) {
                ContainerChecks.verify(format, in);
            }
            long t1 = System.nanoTime();
            System.out.printf("%s %d bytes: check %.1f ms%n", format, Files.size(file), (t1 - t0) / 1e6);
        }
    }
}
