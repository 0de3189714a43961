package org.gallerist.similarity.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongPredicate;

import org.gallerist.spi.similarity.VectorIndex;
import org.gallerist.spi.similarity.VectorIndex.Hit;
import org.gallerist.similarity.internal.ExactVectorIndexFactory;

/**
 * Top-20 search latency and memory per vector of the server's exact index ({@link ExactVectorIndexFactory}, the
 * service the server uses) against {@link NaiveIndex}, on the same synthetic 512-dimensional unit vectors (the CNN
 * embedder's size) in the same run. Queries run one after another, as one user's requests would, with the server's
 * visibility filter; ours and the reference take turns on each query so that a noisy neighbour hurts both alike.
 * <p>
 * Arguments: the collection sizes (comma-separated) and a file for the Markdown tables.
 */
public final class SearchLatencyBench {

    private static final int DIMENSION = 512;
    private static final int K = 20;
    private static final String CALLER = "user7";
    private static final long DATA_SEED = 20261129L;
    private static final long QUERY_SEED = 4L;

    private final CpuClock cpu = new CpuClock();
    private final List<String> latencyRows = new ArrayList<>();
    private final List<String> memoryRows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String size : args[0].split(",")) {
            sizes.add(Integer.parseInt(size.trim()));
        }
        SearchLatencyBench bench = new SearchLatencyBench();
        for (int size : sizes) {
            bench.run(size);
        }
        String report = bench.report();
        System.out.println(report);
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println("Written to " + out);
    }

    private void run(int size) throws InterruptedException {
        int measured = size <= 10_000 ? 1000 : size <= 100_000 ? 200 : 60;
        int warmUp = Math.max(10, measured / 5);
        System.out.printf(Locale.ROOT, "%,d vectors: filling, then %d warm-up and %d measured queries...%n", size,
                warmUp, measured);

        long empty = Heap.usedAfterGc();
        VectorIndex ours = new ExactVectorIndexFactory().create("bench:synthetic", DIMENSION);
        SyntheticVectors data = new SyntheticVectors(DATA_SEED, DIMENSION);
        for (long id = 1; id <= size; id++) {
            ours.put(id, data.next());
        }
        long withOurs = Heap.usedAfterGc();
        Visibility visibility = new Visibility(size, 100, 0.1, DATA_SEED);
        long withVisibility = Heap.usedAfterGc();
        NaiveIndex naive = new NaiveIndex(size);
        data = new SyntheticVectors(DATA_SEED, DIMENSION);
        for (long id = 1; id <= size; id++) {
            naive.add(id, data.next());
        }
        long withNaive = Heap.usedAfterGc();

        LongPredicate filter = visibility.filterFor(CALLER, List.of());
        LongPredicate everything = id -> true;
        SyntheticVectors queries = new SyntheticVectors(QUERY_SEED, DIMENSION);
        for (int i = 0; i < warmUp; i++) {
            float[] query = queries.next();
            ours.search(query, K, filter);
            ours.search(query, K, everything);
            naive.search(query, K, filter);
        }
        String loadBefore = LoadAverage.oneMinute();
        Latencies oursFiltered = new Latencies(measured);
        Latencies oursCpu = new Latencies(measured);
        Latencies oursUnfiltered = new Latencies(measured);
        Latencies reference = new Latencies(measured);
        Latencies referenceCpu = new Latencies(measured);
        Latencies ignored = new Latencies(measured);
        int agreeing = 0;
        for (int i = 0; i < measured; i++) {
            float[] query = queries.next();
            List<Hit> ourHits;
            List<Hit> referenceHits;
            if (i % 2 == 0) {
                ourHits = timed(() -> ours.search(query, K, filter), oursFiltered, oursCpu);
                referenceHits = timed(() -> naive.search(query, K, filter), reference, referenceCpu);
            } else {
                referenceHits = timed(() -> naive.search(query, K, filter), reference, referenceCpu);
                ourHits = timed(() -> ours.search(query, K, filter), oursFiltered, oursCpu);
            }
            timed(() -> ours.search(query, K, everything), oursUnfiltered, ignored);
            if (ids(ourHits).equals(ids(referenceHits))) {
                agreeing++;
            }
        }

        String loadAfter = LoadAverage.oneMinute();
        double oursP50 = oursFiltered.percentileMillis(50);
        double referenceP50 = reference.percentileMillis(50);
        latencyRows.add(String.format(Locale.ROOT,
                "| %,d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f× | %.1f× | %d/%d | %s → %s |", size,
                measured, oursP50, oursFiltered.percentileMillis(99), oursCpu.percentileMillis(50),
                oursUnfiltered.percentileMillis(50), referenceP50, reference.percentileMillis(99),
                referenceCpu.percentileMillis(50), referenceP50 / oursP50,
                referenceCpu.percentileMillis(50) / oursCpu.percentileMillis(50), agreeing, measured, loadBefore,
                loadAfter));
        memoryRows.add(String.format(Locale.ROOT, "| %,d | %,.0f | %,.0f | %,.0f |", size,
                (double) (withOurs - empty) / size, (double) (withNaive - withVisibility) / size,
                (double) (withVisibility - withOurs) / size));
        System.out.println(latencyRows.getLast());
        System.out.println(memoryRows.getLast());
    }

    private static List<Long> ids(List<Hit> hits) {
        return hits.stream().map(Hit::id).toList();
    }

    private interface Search {
        List<Hit> run();
    }

    private List<Hit> timed(Search search, Latencies wall, Latencies cpuTime) {
        long cpuStart = cpu.totalNanos();
        long start = System.nanoTime();
        List<Hit> hits = search.run();
        wall.add(System.nanoTime() - start);
        cpuTime.add(Math.max(0, cpu.totalNanos() - cpuStart));
        return hits;
    }

    private String report() {
        Runtime runtime = Runtime.getRuntime();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "JVM: %s %s, %d processors, common pool parallelism %d, heap %,d MB (%s)%n%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                runtime.availableProcessors(), ForkJoinPool.getCommonPoolParallelism(), runtime.maxMemory() >> 20,
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())));
        out.append("Top-").append(K).append(" search, ").append(DIMENSION)
                .append("-dimensional unit vectors, milliseconds per query (one query at a time); CPU: the time all"
                        + " threads of the JVM spent on it:\n\n");
        out.append("| vectors | queries | ours p50 | ours p99 | ours CPU p50 | ours p50, no filter | naive p50 |"
                + " naive p99 | naive CPU p50 | naive/ours p50 | naive/ours CPU | same top-20 | load average |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        latencyRows.forEach(row -> out.append(row).append('\n'));
        out.append("\nHeap per image, bytes (difference of heap in use after full GCs):\n\n");
        out.append("| vectors | ours (ExactVectorIndex) | naive (float[][] + long[]) |"
                + " visibility map (both) |\n");
        out.append("|---:|---:|---:|---:|\n");
        memoryRows.forEach(row -> out.append(row).append('\n'));
        return out.toString();
    }
}
