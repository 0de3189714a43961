package org.gallerist.transport.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.ImportResult;
import org.gallerist.api.image.ImportDefaults;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.spi.imaging.ImageProcessor;
import org.gallerist.spi.similarity.Embedder;
import org.gallerist.tests.harness.Await;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Ingest of distinct 1024×768 JPEGs with the built-in CNN: {@code images import} of one tar over SSH through our
 * client, every file acknowledged after its commit (durable), with 1 import worker and with two per core, against
 * the floor measured in the same run — the same images through the same imaging backend and embedder in-process,
 * one after another, storing nothing (one decode giving both renditions and the embedder's input, the embedding).
 * The floor runs before and after, so that drift shows. Writes {@code ingest.md} to target.
 */
class IngestBench {

    static final ImportDefaults DEFAULTS = new ImportDefaults("bench", List.of("bench"), BigDecimal.ONE, 1,
            Visibility.PUBLIC);
    private static final long LIMIT = 50_000_000L;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    @Test
    void importAgainstTheFloor() throws Exception {
        int count = Integer.getInteger("gallerist.bench.images", 300);
        Path folder = Files.createDirectories(server.folder().resolve("photos"));
        List<Path> photos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            photos.add(Files.write(folder.resolve("photo-" + i + ".jpg"), BenchImages.photoJpeg(i, 1024, 768)));
        }
        Path tar = tar(server.folder().resolve("photos.tar"), photos);
        server.with("importWorkers", 1).start();
        GalleristSession alice = server.signedUp("alice");
        Await.until(Duration.ofSeconds(60), "the built-in model", () -> alice.images().similarityStatus()
                .embedder().startsWith("onnx"));

        double floorBefore = floor(photos);
        double oneWorker = imported(alice, tar, count);
        int cores = Runtime.getRuntime().availableProcessors();
        server.startWith(Map.of("importWorkers", 0));
        GalleristSession bob = server.signedUp("bob");
        Await.until(Duration.ofSeconds(60), "the built-in model", () -> bob.images().similarityStatus()
                .embedder().startsWith("onnx"));
        double perCore = imported(bob, tar, count);
        double oneUploader = uploaded(List.of(server.signedUp("carol")), photos);
        List<GalleristSession> eight = new ArrayList<>();
        server.signUp("dave");
        for (int i = 0; i < 8; i++) {
            eight.add(server.logIn("dave"));
        }
        double eightUploaders = uploaded(eight, photos);
        double floorAfter = floor(photos);

        double floor = Math.max(floorBefore, floorAfter);
        String table = String.format(Locale.ROOT, """
                | %d distinct 1024×768 JPEGs, built-in CNN | images/s | / floor |
                |---|---:|---:|
                | floor, in-process, one at a time (before / after) | %.1f / %.1f | 1.00 |
                | images import over SSH, 1 worker, acknowledged and durable | %.1f | %.2f |
                | images import over SSH, %d workers (two per core, the default), acknowledged and durable | %.1f | %.2f |
                | images add, 1 session, one after another | %.1f | %.2f |
                | images add, 8 sessions at once (%.2f× one) | %.1f | %.2f |
                """, count, floorBefore, floorAfter, oneWorker, oneWorker / floor, 2 * cores, perCore, perCore / floor,
                oneUploader, oneUploader / floor, eightUploaders / oneUploader, eightUploaders, eightUploaders / floor);
        System.out.println("Ingest (" + cores + " cores, " + Runtime.version() + ")");
        System.out.print(table);
        System.out.println("The floor: renditions and analysis image from one decode, and the embedding of each image,"
                + " with nothing stored.");
        Path target = Path.of(System.getProperty("gallerist.test.output", "target"));
        Files.createDirectories(target);
        Files.writeString(target.resolve("ingest.md"), table);
    }

    /** Where the floor's time goes: wall and process CPU milliseconds per image for each stage, one at a time. */
    @Test
    void floorStages() throws Exception {
        int count = Integer.getInteger("gallerist.bench.images", 300);
        Path folder = Files.createDirectories(server.folder().resolve("photos"));
        List<Path> photos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            photos.add(Files.write(folder.resolve("photo-" + i + ".jpg"), BenchImages.photoJpeg(i, 1024, 768)));
        }
        server.start();
        GalleristSession erin = server.signedUp("erin");
        Await.until(Duration.ofSeconds(60), "the built-in model", () -> erin.images().similarityStatus().embedder()
                .startsWith("onnx"));
        ImageProcessor processor = TestServer.service(ImageProcessor.class);
        Embedder cnn = onnxEmbedder();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        String[] names = {"inspect", "prepare (decode, both renditions)",
            "prepare with the analysis image (what uploads run)", "embedding (batch 1)"};
        long[] wall = new long[names.length];
        long[] cpu = new long[names.length];
        for (int round = 0; round < 2; round++) {
            java.util.Arrays.fill(wall, 0);
            java.util.Arrays.fill(cpu, 0);
            for (Path photo : photos) {
                long w = System.nanoTime();
                long c = os.getProcessCpuTime();
                processor.inspect(photo, LIMIT);
                long w1 = System.nanoTime();
                long c1 = os.getProcessCpuTime();
                processor.prepare(photo, LIMIT);
                long w2 = System.nanoTime();
                long c2 = os.getProcessCpuTime();
                var pixels = processor.prepare(photo, LIMIT, 256).analysis();
                long w3 = System.nanoTime();
                long c3 = os.getProcessCpuTime();
                cnn.embed(List.of(pixels));
                long w4 = System.nanoTime();
                long c4 = os.getProcessCpuTime();
                wall[0] += w1 - w; cpu[0] += c1 - c;
                wall[1] += w2 - w1; cpu[1] += c2 - c1;
                wall[2] += w3 - w2; cpu[2] += c3 - c2;
                wall[3] += w4 - w3; cpu[3] += c4 - c3;
            }
        }
        StringBuilder table = new StringBuilder("| stage, one image at a time | wall ms/image | CPU ms/image |\n|---|---:|---:|\n");
        for (int i = 0; i < names.length; i++) {
            table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", names[i], wall[i] / 1e6 / count,
                    cpu[i] / 1e6 / count));
        }
        System.out.print(table);
        Path target = Path.of(System.getProperty("gallerist.test.output", "target"));
        Files.createDirectories(target);
        Files.writeString(target.resolve("ingest-stages.md"), table);
    }

    static double imported(GalleristSession session, Path tar, int count) {
        long start = System.nanoTime();
        List<ImportResult> results = session.images().importTar(DEFAULTS, tar);
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = results.stream().filter(ImportResult::imported).count();
        if (stored != count) {
            throw new IllegalStateException(stored + " of " + count + " imported: " + results.stream()
                    .filter(result -> !result.imported()).findFirst().orElseThrow());
        }
        return count / seconds;
    }

    /** Each photo uploaded with {@code images add} by one of {@code sessions}, all of them at once. */
    private static double uploaded(List<GalleristSession> sessions, List<Path> photos) throws Exception {
        ConcurrentLinkedQueue<Path> queue = new ConcurrentLinkedQueue<>(photos);
        ExecutorService threads = Executors.newFixedThreadPool(sessions.size());
        long start = System.nanoTime();
        try {
            List<Future<?>> uploaders = new ArrayList<>();
            for (GalleristSession session : sessions) {
                uploaders.add(threads.submit(() -> {
                    Path next;
                    while ((next = queue.poll()) != null) {
                        session.images().add(new NewImage(next.getFileName().toString(), "",
                                List.of(), BigDecimal.ONE, 1, Visibility.PUBLIC), Files.readAllBytes(next));
                    }
                    return null;
                }));
            }
            for (Future<?> uploader : uploaders) {
                uploader.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return photos.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double floor(List<Path> photos) throws Exception {
        ImageProcessor processor = TestServer.service(ImageProcessor.class);
        Embedder cnn = onnxEmbedder();
        long start = System.nanoTime();
        for (Path photo : photos) {
            cnn.embed(List.of(processor.prepare(photo, LIMIT, 256).analysis()));
        }
        return photos.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static Embedder onnxEmbedder() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(IngestBench.class).getBundleContext();
        for (ServiceReference<Embedder> reference : context.getServiceReferences(Embedder.class, null)) {
            Embedder embedder = context.getService(reference);
            if (embedder.id().startsWith("onnx")) {
                return embedder;
            }
        }
        throw new IllegalStateException("no ONNX embedder registered");
    }

    static Path tar(Path file, List<Path> photos) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream archive = new TarArchiveOutputStream(out)) {
            for (Path photo : photos) {
                TarArchiveEntry entry = new TarArchiveEntry(photo.getFileName().toString());
                entry.setSize(Files.size(photo));
                archive.putArchiveEntry(entry);
                Files.copy(photo, archive);
                archive.closeArchiveEntry();
            }
        }
        return file;
    }
}
