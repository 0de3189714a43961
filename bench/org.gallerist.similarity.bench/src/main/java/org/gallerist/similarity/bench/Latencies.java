package org.gallerist.similarity.bench;

import java.util.Arrays;

/** Search times in nanoseconds and their percentiles (nearest rank). */
final class Latencies {

    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void add(long elapsedNanos) {
        nanos[count++] = elapsedNanos;
    }

    double percentileMillis(double percentile) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * count);
        return sorted[Math.clamp(rank - 1, 0, count - 1)] / 1e6;
    }
}
