package org.gallerist.imaging.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.gallerist.spi.imaging.ImageProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The two imaging backends on the same files in the same run, taking turns: what accepting an upload costs
 * ({@code prepare}: checks, one decode, both renditions) and what the embedder's decode of a preview costs. Files: a
 * 24-megapixel and a 1024×768 JPEG (made here, photo-like), and a lossless WebP of 1352×900 (made by ImageMagick's
 * {@code convert} from the same kind of picture). Writes {@code imaging-backends.md} to target.
 */
class BackendBench {

    private static final long LIMIT = 50_000_000L;

    @TempDir
    Path dir;

    @Test
    void libvipsAgainstThePureJavaBackend() throws Exception {
        int rounds = Integer.getInteger("gallerist.bench.rounds", 10);
        ImageProcessor java = new TwelveMonkeysImageProcessor();
        ImageProcessor vips = vipsBackend();
        StringBuilder table = new StringBuilder("| work | Java (TwelveMonkeys) p50 ms | libvips p50 ms | libvips / Java |\n"
                + "|---|---:|---:|---:|\n");
        List<Path> files = new ArrayList<>();
        for (int[] size : new int[][] { { 6000, 4000 }, { 1024, 768 } }) {
            Path file = dir.resolve(size[0] + "x" + size[1] + ".jpg");
            ImageIO.write(ImagingBenchSupport.photoLike(size[0], size[1]), "jpeg", file.toFile());
            files.add(file);
        }
        files.add(losslessWebP());
        for (Path file : files) {
            ImageProcessor.Inspection header = java.inspect(file, LIMIT);
            int n = (long) header.width() * header.height() > 4_000_000 || header.format().equals("webp") ? rounds
                    : rounds * 5;
            String label = String.format(Locale.ROOT, "prepare, %d×%d %s (%d kB), %d rounds", header.width(),
                    header.height(), header.format().equals("webp") ? "lossless WebP" : "JPEG",
                    Files.size(file) / 1024, n);
            row(table, label, n, () -> java.prepare(file, LIMIT), () -> vips.prepare(file, LIMIT));
        }
        byte[] preview = java.prepare(files.get(1), LIMIT).preview();
        // the libvips backend hands this to the Java one, which measured faster here (docs/benchmarks.md)
        row(table, "embedder input from a 1024 px preview (256 px short side), " + rounds * 10 + " rounds",
                rounds * 10, () -> java.decodeForAnalysis(preview, 256, LIMIT),
                () -> vips.decodeForAnalysis(preview, 256, LIMIT));
        System.out.println("Imaging backends (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.version() + ", libvips " + libraryVersion(vips) + ")");
        System.out.print(table);
        Path target = Path.of(System.getProperty("gallerist.test.output", "target"));
        Files.createDirectories(target);
        Files.writeString(target.resolve("imaging-backends.md"), table);
    }

    private static void row(StringBuilder table, String label, int n, Runnable java, Runnable vips) {
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            java.run();
            vips.run();
        }
        long[] a = new long[n];
        long[] b = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            java.run();
            long middle = System.nanoTime();
            vips.run();
            b[i] = System.nanoTime() - middle;
            a[i] = middle - start;
        }
        double javaMs = ImagingBenchSupport.median(a);
        double vipsMs = ImagingBenchSupport.median(b);
        table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |%n", label, javaMs, vipsMs,
                vipsMs / javaMs));
    }

    private Path losslessWebP() throws IOException, InterruptedException {
        Path png = dir.resolve("photo.png");
        ImageIO.write(ImagingBenchSupport.photoLike(1352, 900), "png", png.toFile());
        Path webp = dir.resolve("photo.webp");
        Process convert = new ProcessBuilder("convert", png.toString(), "-define", "webp:lossless=true",
                webp.toString()).inheritIO().start();
        if (!convert.waitFor(60, TimeUnit.SECONDS) || convert.exitValue() != 0 || !Files.isRegularFile(webp)) {
            throw new IllegalStateException("ImageMagick's convert (apt install imagemagick) is needed for the WebP");
        }
        return webp;
    }

    private ImageProcessor vipsBackend() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceTracker<ImageProcessor, ImageProcessor> tracker = new ServiceTracker<>(context, context.createFilter(
                "(&(objectClass=" + ImageProcessor.class.getName() + ")(imaging.backend=vips))"), null);
        tracker.open();
        ImageProcessor vips = tracker.waitForService(10_000);
        if (vips == null || libraryVersion(vips).equals("none")) {
            throw new IllegalStateException("The libvips backend is not running here (apt install libvips42)");
        }
        return vips;
    }

    private static String libraryVersion(ImageProcessor vips) throws ReflectiveOperationException {
        return ((java.util.Optional<?>) vips.getClass().getMethod("libraryVersion").invoke(vips)).map(Object::toString)
                .orElse("none");
    }
}
