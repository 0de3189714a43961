package org.gallerist.similarity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;

import org.gallerist.spi.similarity.VectorIndex;
import org.gallerist.spi.similarity.VectorIndex.Hit;
import org.gallerist.spi.similarity.VectorIndexFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

class ExactVectorIndexTest {

    private static final LongPredicate ANY = id -> true;

    private final Random random = new Random(20261125);

    // --- search results --------------------------------------------------------------------------------------------

    /** Sizes around the chunk and slice boundaries: 20000 vectors of 64 are scanned in parallel slices. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 16, 17, 1000, 16383, 16384, 16385, 20000})
    void topKIsWhatBruteForceFinds(int size) {
        int dimension = 64;
        VectorIndex index = new ExactVectorIndex("test", dimension, ForkJoinPool.commonPool());
        Map<Long, float[]> vectors = fill(index, size, dimension);

        for (int query = 0; query < 5; query++) {
            float[] vector = randomVector(dimension);
            for (int k : new int[] {1, 10, 20, 100}) {
                assertSameRanking(bruteForce(vectors, vector, k, ANY), index.search(vector, k, ANY));
            }
        }
    }

    @Test
    void slicedScansFindExactlyWhatOneScanFinds() {
        int dimension = 64;
        VectorIndex sliced = new ExactVectorIndex("test", dimension, ForkJoinPool.commonPool(), 4);
        VectorIndex single = new ExactVectorIndex("test", dimension, ForkJoinPool.commonPool(), 1);
        for (long id = 0; id < 20_000; id++) { // 1.28M floats: four slices
            float[] vector = randomVector(dimension);
            sliced.put(id, vector);
            single.put(id, vector);
        }

        for (int query = 0; query < 10; query++) {
            float[] vector = randomVector(dimension);
            assertEquals(single.search(vector, 50, ANY), sliced.search(vector, 50, ANY));
            assertEquals(single.search(vector, 50, id -> id % 3 == 0), sliced.search(vector, 50, id -> id % 3 == 0));
        }
    }

    @Test
    void aStoredVectorFindsItselfFirst() {
        VectorIndex index = new ExactVectorIndex("test", 32, ForkJoinPool.commonPool());
        Map<Long, float[]> vectors = fill(index, 500, 32);

        for (long id : new long[] {0, 17, 250, 499}) {
            Hit best = index.search(vectors.get(id), 3, ANY).get(0);
            assertEquals(id, best.id());
            assertEquals(1.0, best.score(), 1e-5);
        }
    }

    @Test
    void kBeyondTheSizeReturnsEverythingBestFirst() {
        VectorIndex index = new ExactVectorIndex("test", 8, ForkJoinPool.commonPool());
        Map<Long, float[]> vectors = fill(index, 7, 8);
        float[] query = randomVector(8);

        List<Hit> hits = index.search(query, 50, ANY);

        assertEquals(7, hits.size());
        assertSameRanking(bruteForce(vectors, query, 50, ANY), hits);
        assertEquals(List.of(), index.search(query, 0, ANY));
        assertEquals(List.of(), new ExactVectorIndex("test", 8, ForkJoinPool.commonPool()).search(query, 5, ANY));
    }

    @Test
    void equalScoresGoToTheLowerId() {
        VectorIndex index = new ExactVectorIndex("test", 3, ForkJoinPool.commonPool());
        for (long id : new long[] {9, 3, 5, 7}) {
            index.put(id, new float[] {1, 0, 0});
        }

        List<Hit> hits = index.search(new float[] {1, 0, 0}, 3, ANY);

        assertEquals(List.of(3L, 5L, 7L), hits.stream().map(Hit::id).toList());
    }

    @Test
    void vectorsAreNormalisedSoScoresAreCosines() {
        VectorIndex index = new ExactVectorIndex("test", 2, ForkJoinPool.commonPool());
        index.put(1, new float[] {3, 4});
        index.put(2, new float[] {0, -10});
        index.put(3, new float[] {0, 0});

        List<Hit> hits = index.search(new float[] {6, 8}, 3, ANY);

        assertEquals(1, hits.get(0).id());
        assertEquals(1.0, hits.get(0).score(), 1e-6);
        assertEquals(3, hits.get(1).id());
        assertEquals(0.0, hits.get(1).score(), "zeros score 0 against everything");
        assertEquals(2, hits.get(2).id());
        assertEquals(-0.8, hits.get(2).score(), 1e-6);
        assertArrayEquals(new float[] {0.6f, 0.8f}, index.vector(1).orElseThrow(), 1e-6f);
    }

    // --- changes ---------------------------------------------------------------------------------------------------

    @Test
    void putReplacesAnImagesVector() {
        VectorIndex index = new ExactVectorIndex("test", 16, ForkJoinPool.commonPool());
        Map<Long, float[]> vectors = fill(index, 50, 16);
        float[] replacement = randomVector(16);

        index.put(20, replacement);
        vectors.put(20L, replacement);

        assertEquals(50, index.size());
        assertEquals(20, index.search(replacement, 1, ANY).get(0).id());
        float[] query = randomVector(16);
        assertSameRanking(bruteForce(vectors, query, 10, ANY), index.search(query, 10, ANY));
    }

    @Test
    void removeLeavesEveryOtherVectorFindable() {
        VectorIndex index = new ExactVectorIndex("test", 16, ForkJoinPool.commonPool());
        Map<Long, float[]> vectors = fill(index, 300, 16);

        for (long id = 0; id < 300; id += 3) {
            assertTrue(index.remove(id));
            vectors.remove(id);
        }

        assertFalse(index.remove(0), "already gone");
        assertFalse(index.remove(12345), "never there");
        assertEquals(200, index.size());
        assertTrue(index.vector(3).isEmpty());
        for (Map.Entry<Long, float[]> entry : vectors.entrySet()) {
            assertArrayEquals(normalised(entry.getValue()), index.vector(entry.getKey()).orElseThrow(), 1e-6f);
        }
        for (int query = 0; query < 5; query++) {
            float[] vector = randomVector(16);
            assertSameRanking(bruteForce(vectors, vector, 25, ANY), index.search(vector, 25, ANY));
        }
    }

    @Test
    void growsAndShrinksAcrossChunks() {
        int dimension = 512; // 2048 vectors a chunk
        VectorIndex index = new ExactVectorIndex("test", dimension, ForkJoinPool.commonPool());
        Map<Long, float[]> vectors = fill(index, 5000, dimension);
        for (long id = 0; id < 4900; id++) {
            index.remove(id);
            vectors.remove(id);
        }
        for (long id = 10_000; id < 10_100; id++) {
            float[] vector = randomVector(dimension);
            index.put(id, vector);
            vectors.put(id, vector);
        }

        assertEquals(200, index.size());
        float[] query = randomVector(dimension);
        assertSameRanking(bruteForce(vectors, query, 30, ANY), index.search(query, 30, ANY));
    }

    @Test
    void rejectsWrongVectors() {
        VectorIndex index = new ExactVectorIndex("test", 4, ForkJoinPool.commonPool());

        assertThrows(IllegalArgumentException.class, () -> index.put(1, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> index.put(1, new float[] {1, Float.NaN, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> index.put(1, new float[] {1, Float.POSITIVE_INFINITY, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> index.search(new float[5], 1, ANY));
        assertThrows(IllegalArgumentException.class,
                () -> new ExactVectorIndex("test", 0, ForkJoinPool.commonPool()));
        assertEquals(0, index.size());
    }

    @Test
    void storedVectorsAreCopies() {
        VectorIndex index = new ExactVectorIndex("test", 2, ForkJoinPool.commonPool());
        float[] vector = {1, 0};
        index.put(1, vector);
        vector[0] = -1;

        index.vector(1).orElseThrow()[0] = 42;

        assertArrayEquals(new float[] {1, 0}, index.vector(1).orElseThrow());
    }

    // --- filtering -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {200, 20000})
    void filteredSearchReturnsKAllowedImages(int size) {
        VectorIndex index = new ExactVectorIndex("test", 64, ForkJoinPool.commonPool());
        Map<Long, float[]> vectors = fill(index, size, 64);
        LongPredicate everyFifth = id -> id % 5 == 0;
        float[] query = randomVector(64);

        List<Hit> hits = index.search(query, 20, everyFifth);

        assertEquals(20, hits.size());
        assertTrue(hits.stream().allMatch(hit -> everyFifth.test(hit.id())));
        assertSameRanking(bruteForce(vectors, query, 20, everyFifth), hits);
    }

    @Test
    void theFilterIsAskedOnlyAboutCandidates() {
        VectorIndex index = new ExactVectorIndex("test", 64, ForkJoinPool.commonPool());
        fill(index, 20000, 64);
        AtomicInteger calls = new AtomicInteger();

        index.search(randomVector(64), 10, id -> {
            calls.incrementAndGet();
            return true;
        });

        assertTrue(calls.get() < 2000, "asked " + calls.get() + " times for 20000 vectors");
    }

    @Test
    void aFailingFilterFailsTheSearchAndLeavesTheIndexUsable() {
        VectorIndex index = new ExactVectorIndex("test", 64, ForkJoinPool.commonPool());
        fill(index, 20000, 64);
        RuntimeException failure = new IllegalStateException("visibility lookup failed");

        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> index.search(randomVector(64), 10, id -> { throw failure; }));

        assertTrue(thrown == failure || thrown.getCause() == failure, "the filter's exception: " + thrown);
        index.put(1_000_000, randomVector(64)); // would wait forever if a read lock had been left behind
        assertEquals(20001, index.size());
    }

    // --- concurrency -----------------------------------------------------------------------------------------------

    @Test
    void concurrentReadersAndWritersSeeConsistentResults() throws Exception {
        int dimension = 64;
        VectorIndex index = new ExactVectorIndex("test", dimension, ForkJoinPool.commonPool());
        // Ids below 10000 never change; writers churn ids from 100000 up, so every reader knows its expected top hit.
        Map<Long, float[]> stable = fill(index, 10_000, dimension);
        List<Long> stableIds = new ArrayList<>(stable.keySet());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int reader = 0; reader < 3; reader++) {
                long seed = reader;
                readers.add(threads.submit(() -> {
                    Random mine = new Random(seed);
                    int searches = 0;
                    while (writing.get() || searches < 50) {
                        long id = stableIds.get(mine.nextInt(stableIds.size()));
                        List<Hit> hits = index.search(stable.get(id), 10, ANY);
                        assertEquals(id, hits.get(0).id(), "a stable vector finds itself first");
                        for (int i = 1; i < hits.size(); i++) {
                            assertTrue(hits.get(i - 1).score() >= hits.get(i).score(), "best first");
                        }
                        searches++;
                    }
                    return searches;
                }));
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                long base = 100_000 + writer * 100_000L;
                writers.add(threads.submit(() -> {
                    Random mine = new Random(base);
                    for (int step = 0; step < 3000; step++) {
                        long id = base + mine.nextInt(500);
                        if (mine.nextInt(3) == 0) {
                            index.remove(id);
                        } else {
                            index.put(id, randomVector(mine, dimension));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            int searches = 0;
            for (Future<Integer> reader : readers) {
                searches += reader.get(120, TimeUnit.SECONDS);
            }
            assertTrue(searches >= 150);
        } finally {
            threads.shutdownNow();
        }
        for (long id : stableIds) {
            assertArrayEquals(normalised(stable.get(id)), index.vector(id).orElseThrow(), 1e-6f);
        }
        int churned = index.size() - stable.size();
        assertTrue(churned > 0 && churned <= 1000, "churned ids left: " + churned);
    }

    // --- OSGi ------------------------------------------------------------------------------------------------------

    @Test
    void factoryIsRegisteredByDeclarativeServices() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        assertNotNull(context, "the similarity bundle is started");
        ServiceTracker<VectorIndexFactory, VectorIndexFactory> tracker =
                new ServiceTracker<>(context, VectorIndexFactory.class, null);
        tracker.open();
        try {
            VectorIndexFactory factory = tracker.waitForService(10_000);
            assertNotNull(factory, "SCR registered the VectorIndexFactory component");
            VectorIndex index = factory.create("descriptor:v1", 4);
            assertEquals("descriptor:v1", index.embedderId());
            assertEquals(4, index.dimension());
            index.put(7, new float[] {1, 2, 3, 4});
            assertEquals(7, index.search(new float[] {1, 2, 3, 4}, 1, ANY).get(0).id());
            assertSame(ExactVectorIndex.class, index.getClass());
        } finally {
            tracker.close();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private Map<Long, float[]> fill(VectorIndex index, int size, int dimension) {
        Map<Long, float[]> vectors = new HashMap<>();
        for (long id = 0; id < size; id++) {
            float[] vector = randomVector(dimension);
            index.put(id, vector);
            vectors.put(id, vector);
        }
        assertEquals(size, index.size());
        return vectors;
    }

    private float[] randomVector(int dimension) {
        return randomVector(random, dimension);
    }

    private static float[] randomVector(Random random, int dimension) {
        float[] vector = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += (double) value * value;
        }
        float[] result = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            result[i] = (float) (vector[i] / Math.sqrt(norm));
        }
        return result;
    }

    /** The reference: cosine in double precision for every allowed vector, fully sorted. */
    private static List<Hit> bruteForce(Map<Long, float[]> vectors, float[] query, int k, LongPredicate allowed) {
        float[] q = normalised(query);
        List<Hit> all = new ArrayList<>();
        for (Map.Entry<Long, float[]> entry : vectors.entrySet()) {
            if (allowed.test(entry.getKey())) {
                float[] v = normalised(entry.getValue());
                double dot = 0;
                for (int i = 0; i < q.length; i++) {
                    dot += (double) q[i] * v[i];
                }
                all.add(new Hit(entry.getKey(), dot));
            }
        }
        all.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingLong(Hit::id));
        return all.subList(0, Math.min(k, all.size()));
    }

    /**
     * Same ids in the same order with the same scores; the index sums in float, so two hits whose reference scores
     * are within rounding of each other may swap places, and the last place may go to either of two such hits.
     */
    private static void assertSameRanking(List<Hit> expected, List<Hit> actual) {
        assertEquals(expected.size(), actual.size(), "number of hits");
        double rounding = 1e-5;
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).score(), actual.get(i).score(), rounding, "score at rank " + i);
            if (expected.get(i).id() != actual.get(i).id()) {
                boolean nearTie = (i > 0 && expected.get(i - 1).score() - expected.get(i).score() < rounding)
                        || (i + 1 < expected.size() && expected.get(i).score() - expected.get(i + 1).score() < rounding);
                assertTrue(nearTie, "rank " + i + ": expected " + expected.get(i) + " but got " + actual.get(i));
            }
        }
    }
}
