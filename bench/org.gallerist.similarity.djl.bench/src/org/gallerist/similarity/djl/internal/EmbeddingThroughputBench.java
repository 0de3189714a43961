package org.gallerist.similarity.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.gallerist.tests.harness.SharedModel;
import org.junit.jupiter.api.Test;

/**
 * Images per second through our embedder (preprocessing, micro-batching, DJL) against ONNX Runtime called
 * directly with the same preprocessing on the same model, alternating in the same run. Prints a Markdown table.
 */
class EmbeddingThroughputBench {

    private static final int SIZE = 224;
    private static final double SLICE_SECONDS = 0.5;
    /** Measuring time per configuration and side. */
    private final double seconds = Double.parseDouble(System.getProperty("gallerist.bench.seconds", "15"));

    /** Images and nanoseconds, summed over slices. */
    private static final class Throughput {
        long images;
        long nanos;

        void add(Throughput slice) {
            images += slice.images;
            nanos += slice.nanos;
        }

        double rate() {
            return images / (nanos / 1e9);
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    @Test
    void embeddingThroughput() throws Exception {
        Path model = SharedModel.model();
        List<BufferedImage> photos = analysisSizedPhotos();
        OnnxSettings settings = new OnnxSettings(model, "features", SIZE, Preprocessing.CAFFE_BGR_MEAN,
                Optional.empty(), "probs", 0.2, 16);
        StringBuilder table = new StringBuilder("""
                | batch | ours (images/s) | raw ONNX Runtime (images/s) | ours / raw |
                |---|---|---|---|
                """);
        try (OnnxEmbedder ours = OnnxEmbedderLoader.load(settings); RawOnnxRuntime raw = new RawOnnxRuntime(model, SIZE)) {
            float[] a = ours.embed(photos.subList(0, 1)).get(0).vector();
            float[] b = raw.embed(photos.subList(0, 1), "features").get(0);
            assertEquals(1.0, dot(a, b), 1e-5, "both compute the same vector");
            for (int batchSize : new int[] { 1, 16 }) {
                List<BufferedImage> batch = cycle(photos, batchSize);
                Call oursCall = () -> ours.embed(batch);
                Call rawCall = () -> raw.embed(batch, "features");
                rate(oursCall, batchSize, 1.0);
                rate(rawCall, batchSize, 1.0);
                // Short alternating slices, so that load from elsewhere on the machine falls on both sides alike.
                Throughput oursTotal = new Throughput();
                Throughput rawTotal = new Throughput();
                for (int slice = 0; slice < Math.max(1, (int) Math.round(seconds / SLICE_SECONDS)); slice++) {
                    oursTotal.add(measure(oursCall, batchSize, SLICE_SECONDS));
                    rawTotal.add(measure(rawCall, batchSize, SLICE_SECONDS));
                }
                table.append(String.format("| %d | %.1f | %.1f | %.2f |%n", batchSize, oursTotal.rate(),
                        rawTotal.rate(), oursTotal.rate() / rawTotal.rate()));
            }
            table.append(String.format("| 4 callers x 1 (micro-batched) | %.1f | | |%n", concurrentRate(ours, photos)));
        }
        System.out.println("Embedding throughput (" + seconds + " s a side in alternating " + SLICE_SECONDS
                + " s slices):");
        System.out.print(table);
        Path output = Path.of(System.getProperty("gallerist.test.output", "target"), "embedding-throughput.md");
        Files.writeString(output, table);
    }

    /** Whole calls for about {@code seconds}. */
    private static Throughput measure(Call call, int imagesPerCall, double seconds) throws Exception {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        Throughput throughput = new Throughput();
        long now;
        do {
            call.run();
            throughput.images += imagesPerCall;
            now = System.nanoTime();
        } while (now < deadline);
        throughput.nanos = now - start;
        return throughput;
    }

    private static double rate(Call call, int imagesPerCall, double seconds) throws Exception {
        return measure(call, imagesPerCall, seconds).rate();
    }

    /** Four threads each embedding one image at a time: whatever waits while a batch runs goes in the next. */
    private double concurrentRate(OnnxEmbedder ours, List<BufferedImage> photos) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Double>> rates = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<BufferedImage> one = List.of(photos.get(t % photos.size()));
                rates.add(callers.submit(() -> rate(() -> ours.embed(one), 1, seconds)));
            }
            double total = 0;
            for (Future<Double> rate : rates) {
                total += rate.get();
            }
            return total;
        } finally {
            callers.shutdownNow();
        }
    }

    /** The photos as the server hands them to the embedder: decoded with a short side of 256 px. */
    private static List<BufferedImage> analysisSizedPhotos() throws IOException {
        List<BufferedImage> photos = new ArrayList<>();
        try (Stream<Path> files = Files.list(SharedModel.photos())) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(png|jpg)$")).sorted().toList()) {
                BufferedImage image = ImageIO.read(file.toFile());
                double factor = 256.0 / Math.min(image.getWidth(), image.getHeight());
                int width = (int) Math.round(image.getWidth() * factor);
                int height = (int) Math.round(image.getHeight() * factor);
                BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = scaled.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, 0, 0, width, height, null);
                g.dispose();
                photos.add(scaled);
            }
        }
        return photos;
    }

    private static List<BufferedImage> cycle(List<BufferedImage> photos, int count) {
        List<BufferedImage> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(photos.get(i % photos.size()));
        }
        return batch;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
