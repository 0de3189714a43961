package org.gallerist.similarity.bench;

import java.util.SplittableRandom;

/**
 * Reproducible random unit vectors: components uniform in [-1, 1), then L2-normalised. An exact scan costs the same
 * whatever the values, so nothing more model-like is needed; the same seed gives the same sequence.
 */
final class SyntheticVectors {

    private final SplittableRandom random;
    private final int dimension;

    SyntheticVectors(long seed, int dimension) {
        this.random = new SplittableRandom(seed);
        this.dimension = dimension;
    }

    float[] next() {
        float[] vector = new float[dimension];
        double sum = 0;
        for (int i = 0; i < dimension; i++) {
            vector[i] = (float) (random.nextDouble() * 2 - 1);
            sum += (double) vector[i] * vector[i];
        }
        float scale = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < dimension; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
