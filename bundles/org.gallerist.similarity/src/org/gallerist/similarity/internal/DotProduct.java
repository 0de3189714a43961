package org.gallerist.similarity.internal;

/** The inner loop of every search. */
final class DotProduct {

    private DotProduct() {
    }

    /**
     * {@code query · data[offset .. offset + query.length)}. Eight independent sums let the CPU overlap the
     * multiply-adds instead of waiting for each to finish before the next (a single sum made whole scans about 2.5× slower).
     */
    static float of(float[] query, float[] data, int offset) {
        int length = query.length;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 7 < length; i += 8) {
            int j = offset + i;
            s0 += query[i] * data[j];
            s1 += query[i + 1] * data[j + 1];
            s2 += query[i + 2] * data[j + 2];
            s3 += query[i + 3] * data[j + 3];
            s4 += query[i + 4] * data[j + 4];
            s5 += query[i + 5] * data[j + 5];
            s6 += query[i + 6] * data[j + 6];
            s7 += query[i + 7] * data[j + 7];
        }
        for (; i < length; i++) {
            s0 += query[i] * data[offset + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
