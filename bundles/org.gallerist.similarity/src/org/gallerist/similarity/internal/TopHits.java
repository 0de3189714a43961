package org.gallerist.similarity.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gallerist.spi.similarity.VectorIndex.Hit;

/**
 * The best {@code k} (score, id) pairs seen so far: a bounded min-heap over primitive arrays whose root is the worst
 * kept hit, so most candidates are turned away by one comparison. Higher scores are better, and on equal scores the
 * lower id, which makes results independent of scan order. Not thread-safe: one per scanning thread, merged after.
 */
final class TopHits {

    private final int capacity;
    private final float[] scores;
    private final long[] ids;
    private int size;

    TopHits(int capacity) {
        this.capacity = capacity;
        this.scores = new float[capacity];
        this.ids = new long[capacity];
    }

    /** Whether a hit with this score could still enter; ties with the worst kept hit need {@link #accepts}. */
    boolean mayAccept(float score) {
        return size < capacity || score >= scores[0];
    }

    boolean accepts(float score, long id) {
        return size < capacity || better(score, id, scores[0], ids[0]);
    }

    /** Call only after {@link #accepts} said yes. */
    void add(float score, long id) {
        if (size < capacity) {
            scores[size] = score;
            ids[size] = id;
            siftUp(size++);
        } else {
            scores[0] = score;
            ids[0] = id;
            siftDown(0);
        }
    }

    void addAll(TopHits other) {
        for (int i = 0; i < other.size; i++) {
            if (accepts(other.scores[i], other.ids[i])) {
                add(other.scores[i], other.ids[i]);
            }
        }
    }

    /** Best first. */
    List<Hit> toList() {
        List<Hit> hits = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            hits.add(new Hit(ids[i], scores[i]));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingLong(Hit::id));
        return hits;
    }

    private static boolean better(float score, long id, float otherScore, long otherId) {
        return score > otherScore || score == otherScore && id < otherId;
    }

    private void siftUp(int index) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!better(scores[parent], ids[parent], scores[index], ids[index])) {
                return;
            }
            swap(index, parent);
            index = parent;
        }
    }

    private void siftDown(int index) {
        while (true) {
            int worst = index;
            for (int child = 2 * index + 1; child <= 2 * index + 2 && child < size; child++) {
                if (better(scores[worst], ids[worst], scores[child], ids[child])) {
                    worst = child;
                }
            }
            if (worst == index) {
                return;
            }
            swap(index, worst);
            index = worst;
        }
    }

    private void swap(int a, int b) {
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
        long id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
    }
}
