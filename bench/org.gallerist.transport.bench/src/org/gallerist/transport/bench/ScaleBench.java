package org.gallerist.transport.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.PhotoFacts;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.Page;
import org.gallerist.api.image.Visibility;
import org.gallerist.spi.storage.ImageRecord;
import org.gallerist.spi.storage.ImageStore;
import org.gallerist.spi.storage.VectorStore;
import org.gallerist.tests.harness.Await;
import org.gallerist.tests.harness.Folders;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.SshKeys;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A catalogue of 100,000 images: synthetic rows (names, tags, 10 % private, 10 owners) and clustered 512-d vectors
 * stored through the storage SPI, all rows sharing the files of one real upload. Then the server is stopped and
 * started again on it: how long until it answers a request and until it answers a search by content, the JVM's
 * resident memory, and small requests on one session (listing pages, filters, tags, similar) against {@code ping} in
 * the same run. Writes {@code scale.md} to target, and leaves the catalogue in {@code target/scale-catalogue} for
 * {@code bench/scripts/scale-start.sh} (the same on the server product, in a JVM of its own).
 */
class ScaleBench {

    private static final int OWNERS = 10;
    private static final int TAGS = 200;
    private static final int CLUSTERS = 100;
    private static final int WARM_UP_ROUNDS = 20;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    @Test
    void aHundredThousandImages() throws Exception {
        int count = Integer.getInteger("gallerist.bench.catalogue", 100_000);
        int rounds = Integer.getInteger("gallerist.bench.scaleRounds", 50);
        server.start();
        Path target = Path.of(System.getProperty("gallerist.test.output", "target"));
        SshKeys.KeyPair key = SshKeys.generate(server.folder().resolve("keys"), "owner0", "ed25519");
        server.signUp("owner0", GalleristServerExtension.password(), List.of(key.publicLine()));
        GalleristSession alice = server.logIn("owner0");
        for (int owner = 1; owner < OWNERS; owner++) {
            server.signUp("owner" + owner);
        }
        Await.until(Duration.ofSeconds(60), "the built-in model", () -> alice.images().similarityStatus()
                .embedder().startsWith("onnx"));
        String embedderId = alice.images().similarityStatus().embedder();
        Image seed = alice.images().add(BenchImages.newImage(0), BenchImages.photoJpeg(0, 1024, 768));
        long fillStart = System.nanoTime();
        fill(count, seed.id(), embedderId);
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

        server.stop();
        long start = System.nanoTime();
        server.startAgain();
        double configured = (System.nanoTime() - start) / 1e6;
        GalleristSession viewer = server.logIn("owner0");
        viewer.whoami();
        double answered = (System.nanoTime() - start) / 1e6;
        long probe = seed.id() + count / 2;
        Await.until(Duration.ofSeconds(120), "a search by content", () -> searched(viewer, probe));
        double searchable = (System.nanoTime() - start) / 1e6;

        Map<String, long[]> nanos = latencies(viewer, probe, rounds);
        long rssKb = statusKb("VmRSS");
        long peakKb = statusKb("VmHWM");
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;

        String table = String.format(Locale.ROOT, """
                | %,d images (synthetic rows and vectors), after a stop | value |
                |---|---:|
                | filled in (through the storage SPI, 2 threads) | %.0f s |
                | start: components configured and active | %.0f ms |
                | start: first request answered (log in over SSH, whoami) | %.0f ms |
                | start: first search by content answered (index loaded in the background) | %.0f ms |
                | resident memory of the JVM (server, client and test harness), now / peak | %,d / %,d MB |
                | heap in use after a full GC | %,d MB |

                """, count, fillSeconds, configured, answered, searchable, rssKb >> 10, peakKb >> 10, heapMb)
                + LatencyTable.markdown(nanos, rounds);
        System.out.println("Scale (" + runtime.availableProcessors() + " cores, " + Runtime.version() + ", max heap "
                + (runtime.maxMemory() >> 20) + " MB)");
        System.out.print(table);
        Files.createDirectories(target);
        Files.writeString(target.resolve("scale.md"), table, StandardCharsets.UTF_8);
        server.stop();
        keepForTheProductBench(server.dataDir(), key, probe, target.resolve("scale-catalogue"));
    }

    /**
     * The stopped server's data folder, the key of {@code owner0} and an image id, for
     * {@code bench/scripts/scale-start.sh}, which starts the server product on a copy of it.
     */
    private static void keepForTheProductBench(Path dataDir, SshKeys.KeyPair key, long probe, Path kept)
            throws Exception {
        Folders.deleteTree(kept);
        Folders.copyTree(dataDir, kept.resolve("data"));
        Files.copy(key.privateKey(), kept.resolve("owner0-key"));
        Files.writeString(kept.resolve("probe-id"), probe + "\n");
    }

    /** Rows and vectors, from two threads (each insert is its own durable transaction). */
    private static void fill(int count, long seedId, String embedderId) throws Exception {
        ImageStore images = TestServer.service(ImageStore.class);
        VectorStore vectors = TestServer.service(VectorStore.class);
        ImageRecord seed = images.find(seedId).orElseThrow();
        float[][] centres = new float[CLUSTERS][];
        Random random = new Random(42);
        for (int c = 0; c < CLUSTERS; c++) {
            centres[c] = unit(random, null, 0);
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                workers.add(threads.submit(() -> {
                    Random local = new Random(Thread.currentThread().threadId());
                    for (int i; (i = next.getAndIncrement()) < count;) {
                        ImageRecord stored = images.insert(new ImageRecord(row(seed.image(), i), seed.originalKey(),
                                seed.thumbKey(), seed.previewKey(), camera(i), i % 4 == 0));
                        vectors.put(stored.image().id(), embedderId, unit(local, centres[i % CLUSTERS], 0.6f));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Image row(Image seed, int i) {
        List<String> tags = new ArrayList<>(List.of("tag" + i % TAGS));
        if (i % 3 == 0) {
            tags.add("tag" + (i * 7 + 1) % TAGS);
        }
        String sha256 = String.format("%064x", i + 1L);
        return new Image(0, "photo " + i + " word" + i % 1000, "synthetic row " + i, tags, BigDecimal.valueOf(1 + i % 50),
                1 + i % 5, "owner" + i % OWNERS, i % 10 == 0 ? Visibility.PRIVATE : Visibility.PUBLIC, seed.width(),
                seed.height(), seed.format(), seed.bytes(), sha256, Instant.EPOCH);
    }

    /** Every other photo says how it was taken, half of those shared with everyone: the text search reads them. */
    private static PhotoFacts camera(int i) {
        return i % 2 == 1 ? PhotoFacts.NONE : new PhotoFacts("2024-05-01T10:00:00", "Canon", "EOS R" + i % 20,
                "RF 24-105mm F4", "1/250 s", "f/4", "50 mm", 100 + i % 7 * 100);
    }

    /** A unit vector: uniform noise, or {@code centre} plus noise of that size. */
    private static float[] unit(Random random, float[] centre, float noise) {
        float[] vector = new float[512];
        double norm = 0;
        for (int d = 0; d < vector.length; d++) {
            float r = random.nextFloat() * 2 - 1;
            vector[d] = centre == null ? r : centre[d] + noise * r / (float) Math.sqrt(vector.length / 3.0);
            norm += vector[d] * vector[d];
        }
        for (int d = 0; d < vector.length; d++) {
            vector[d] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    private static boolean searched(GalleristSession session, long id) {
        try {
            return !session.images().similarTo(id, 20, List.of()).isEmpty();
        } catch (GalleristException notYet) {
            return false;
        }
    }

    private static Map<String, long[]> latencies(GalleristSession session, long probe, int rounds) throws Exception {
        Page<Image> first = session.images().list(query(List.of(), "", null));
        String deep = first.next();
        long walk = System.nanoTime();
        for (int page = 0; page < 200 && deep != null; page++) {
            deep = session.images().list(query(List.of(), "", deep)).next();
        }
        String afterTwelveThousand = deep;
        System.out.printf(Locale.ROOT, "200 pages walked in %.0f ms%n", (System.nanoTime() - walk) / 1e6);
        Map<String, SessionLatencyBench.Request> requests = new LinkedHashMap<>();
        requests.put("ours: ping (floor)", () -> session.exec(List.of("ping"), new byte[0]));
        requests.put("ours: images list --limit 60 (first page)", () -> session.images().list(query(List.of(), "",
                null)));
        requests.put("ours: images list --limit 60, page 202", () -> session.images().list(query(List.of(), "",
                afterTwelveThousand)));
        requests.put("ours: images list --tag tag7 --limit 60", () -> session.images().list(query(List.of("tag7"),
                "", null)));
        requests.put("ours: images list --text word7 --limit 60", () -> session.images().list(query(List.of(),
                "word7", null)));
        requests.put("ours: images list --text eos --limit 60 (shared cameras)", () -> session.images().list(
                query(List.of(), "eos", null)));
        requests.put("ours: images show ID", () -> session.images().show(probe));
        requests.put("ours: images get ID --size thumb", () -> session.images().content(probe, ImageSize.THUMB));
        requests.put("ours: tags (counts over all images)", () -> session.images().tags());
        requests.put("ours: images similar --id ID --limit 20", () -> session.images().similarTo(probe, 20,
                List.of()));
        for (Map.Entry<String, SessionLatencyBench.Request> request : requests.entrySet()) {
            long begin = System.nanoTime();
            request.getValue().run();
            System.out.printf(Locale.ROOT, "first call of %s: %.1f ms%n", request.getKey(),
                    (System.nanoTime() - begin) / 1e6);
        }
        return SessionLatencyBench.measure(requests, rounds, WARM_UP_ROUNDS);
    }

    private static ImageQuery query(List<String> tags, String text, String after) {
        return new ImageQuery(tags, false, text, false, 60, after);
    }

    private static long statusKb(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
