package org.gallerist.similarity.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongPredicate;

import org.gallerist.spi.similarity.VectorIndex.Hit;

/**
 * The reference: what one would write first. One {@code float[]} per image, one thread, a plain dot product, the
 * filter asked for every image, and a {@link PriorityQueue} of the best {@code k}, offered only scores that beat its
 * worst. Vectors are expected normalised already (the synthetic ones are).
 */
final class NaiveIndex {

    private final float[][] vectors;
    private final long[] ids;
    private int size;

    NaiveIndex(int capacity) {
        vectors = new float[capacity][];
        ids = new long[capacity];
    }

    void add(long id, float[] vector) {
        vectors[size] = vector.clone();
        ids[size++] = id;
    }

    List<Hit> search(float[] query, int k, LongPredicate allowed) {
        PriorityQueue<Hit> best = new PriorityQueue<>(k + 1, Comparator.comparingDouble(Hit::score));
        for (int i = 0; i < size; i++) {
            if (!allowed.test(ids[i])) {
                continue;
            }
            float[] vector = vectors[i];
            float score = 0;
            for (int j = 0; j < query.length; j++) {
                score += query[j] * vector[j];
            }
            if (best.size() < k || score > best.peek().score()) {
                best.offer(new Hit(ids[i], score));
                if (best.size() > k) {
                    best.poll();
                }
            }
        }
        List<Hit> hits = new ArrayList<>(best);
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingLong(Hit::id));
        return hits;
    }
}
