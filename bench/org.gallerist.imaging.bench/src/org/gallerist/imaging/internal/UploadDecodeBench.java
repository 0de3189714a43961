package org.gallerist.imaging.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.gallerist.api.image.ImageSize;
import org.gallerist.spi.imaging.ImageProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What accepting an upload costs in the imaging backend: {@code prepare} (one decode for the header check and both
 * renditions) against the path before it (inspect, then a decode per rendition), on the same files in the same run,
 * taking turns. Photo-like test images (smooth gradients with noise) are made at run time: 24 megapixels
 * (6000×4000) and a catalogue-sized 1024×768. Writes {@code upload-decode.md} to target.
 */
class UploadDecodeBench {

    private static final long LIMIT = 50_000_000L;

    @TempDir
    Path dir;

    @Test
    void oneDecodeAgainstThreeReads() throws Exception {
        int rounds = Integer.getInteger("gallerist.bench.rounds", 10);
        TwelveMonkeysImageProcessor processor = new TwelveMonkeysImageProcessor();
        StringBuilder table = new StringBuilder("| image | inspect + 2 renders, p50 ms | prepare (one decode), p50 ms |"
                + " prepare / before |\n|---|---:|---:|---:|\n");
        for (int[] size : new int[][] { { 6000, 4000 }, { 1024, 768 } }) {
            Path file = dir.resolve(size[0] + "x" + size[1] + ".jpg");
            ImageIO.write(ImagingBenchSupport.photoLike(size[0], size[1]), "jpeg", file.toFile());
            int n = size[0] > 2000 ? rounds : rounds * 10;
            long[] before = new long[n];
            long[] after = new long[n];
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                threeReads(processor, file);
                processor.prepare(file, LIMIT);
            }
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                threeReads(processor, file);
                long middle = System.nanoTime();
                processor.prepare(file, LIMIT);
                after[i] = System.nanoTime() - middle;
                before[i] = middle - start;
            }
            double b = ImagingBenchSupport.median(before);
            double a = ImagingBenchSupport.median(after);
            table.append(String.format(Locale.ROOT, "| %d×%d JPEG (%d kB), %d rounds | %.1f | %.1f | %.2f |%n", size[0],
                    size[1], Files.size(file) / 1024, n, b, a, a / b));
        }
        System.out.println("Accepting an upload in the imaging backend (" + Runtime.getRuntime().availableProcessors()
                + " cores, " + Runtime.version() + ")");
        System.out.print(table);
        Path target = Path.of(System.getProperty("gallerist.test.output", "target"));
        Files.createDirectories(target);
        Files.writeString(target.resolve("upload-decode.md"), table);
    }

    private static void threeReads(ImageProcessor processor, Path file) {
        processor.inspect(file, LIMIT);
        processor.render(file, ImageSize.THUMB);
        processor.render(file, ImageSize.PREVIEW);
    }
}
