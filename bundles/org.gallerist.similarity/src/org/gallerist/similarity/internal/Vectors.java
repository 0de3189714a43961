package org.gallerist.similarity.internal;

/** Normalisations on float vectors and parts of them. */
final class Vectors {

    private Vectors() {
    }

    /** Scales {@code length} values from {@code offset} to unit L2 norm; leaves all-zero parts alone. */
    static void normalise(float[] vector, int offset, int length) {
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += (double) vector[i] * vector[i];
        }
        if (sum > 0) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = offset; i < offset + length; i++) {
                vector[i] *= scale;
            }
        }
    }

    /**
     * Turns a histogram part into the square roots of its shares (the Hellinger mapping): the result has unit L2 norm,
     * and cosine on it compares distributions without letting a few dominant bins outweigh everything else.
     */
    static void rootNormalise(float[] histogram, int offset, int length) {
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += histogram[i];
        }
        if (sum > 0) {
            for (int i = offset; i < offset + length; i++) {
                histogram[i] = (float) Math.sqrt(histogram[i] / sum);
            }
        }
    }

    static void scale(float[] vector, int offset, int length, float factor) {
        for (int i = offset; i < offset + length; i++) {
            vector[i] *= factor;
        }
    }
}
