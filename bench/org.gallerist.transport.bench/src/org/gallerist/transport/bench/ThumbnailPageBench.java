package org.gallerist.transport.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.client.core.ClientHome;
import org.gallerist.client.core.thumbs.ThumbnailFetcher;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A gallery page of 60 thumbnails as the desktop client loads it ({@link ThumbnailFetcher} on one session, the
 * real server bundles on loopback): cold (empty disk cache) with 1, 2, 4 and 8 requests in flight, and warm (all
 * from the disk cache). Rounds alternate the settings so that load from elsewhere falls on all alike. The time is
 * until the last of the 60 has its bytes; decoding them into SWT images is the UI's and not included.
 */
class ThumbnailPageBench {

    private static final int PAGE = 60;
    private static final int[] PARALLEL = { 1, 2, 4, 8 };
    private static final int WARM_UP_ROUNDS = 3;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @Test
    void aPageOfSixtyThumbnailsColdAndWarm() throws Exception {
        int rounds = Math.max(5, Integer.getInteger("gallerist.bench.rounds", 400) / 20);
        GalleristSession alice = server.signedUp("alice");
        for (int i = 0; i < PAGE; i++) {
            alice.images().add(BenchImages.newImage(i), BenchImages.png(i));
        }
        List<Image> page = alice.images().list(new ImageQuery(List.of(), false, "", false, PAGE, null)).items();
        Map<String, long[]> nanos = new LinkedHashMap<>();
        for (int parallel : PARALLEL) {
            nanos.put("cold, " + parallel + " in flight", new long[rounds]);
        }
        nanos.put("warm (disk cache), " + ThumbnailFetcher.PARALLEL_REQUESTS + " in flight", new long[rounds]);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
                Path home = server.folder().resolve("client-" + (round + WARM_UP_ROUNDS));
                int column = 0;
                for (int parallel : PARALLEL) {
                    long took = loadPage(new ThumbnailFetcher(new ClientHome(home.resolve("p" + parallel))), alice,
                            page, parallel, threads);
                    record(nanos, column++, round, took);
                }
                ThumbnailFetcher warm = new ThumbnailFetcher(new ClientHome(home.resolve("p1")));
                record(nanos, column, round, loadPage(warm, alice, page, ThumbnailFetcher.PARALLEL_REQUESTS, threads));
            }
        } finally {
            threads.shutdownNow();
        }
        StringBuilder table = new StringBuilder("| page of 60 thumbnails | p50 ms | min ms | max ms |\n"
                + "|---|---:|---:|---:|\n");
        nanos.forEach((name, samples) -> {
            long[] sorted = samples.clone();
            Arrays.sort(sorted);
            table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", name,
                    LatencyTable.percentile(samples, 50), sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6));
        });
        table.append(String.format(Locale.ROOT, "%n%d rounds.%n", rounds));
        System.out.println("A page of " + PAGE + " thumbnails through ThumbnailFetcher, " + rounds + " rounds");
        System.out.print(table);
        Path target = Path.of(System.getProperty("gallerist.test.output", "target"));
        Files.createDirectories(target);
        Files.writeString(target.resolve("thumbnail-page.md"), table);
    }

    private static void record(Map<String, long[]> nanos, int column, int round, long took) {
        if (round >= 0) {
            new ArrayList<>(nanos.values()).get(column)[round] = took;
        }
    }

    /** Fetches every thumbnail of {@code page} with {@code parallel} at a time; the nanoseconds until the last. */
    private static long loadPage(ThumbnailFetcher fetcher, GalleristSession session, List<Image> page, int parallel,
            ExecutorService threads) throws Exception {
        ConcurrentLinkedQueue<Image> queue = new ConcurrentLinkedQueue<>(page);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            workers.add(threads.submit(() -> {
                Image next;
                while ((next = queue.poll()) != null) {
                    if (fetcher.fetch(session, next).length == 0) {
                        throw new IllegalStateException("empty thumbnail of #" + next.id());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        return System.nanoTime() - start;
    }
}
