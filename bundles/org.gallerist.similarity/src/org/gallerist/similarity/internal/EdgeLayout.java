package org.gallerist.similarity.internal;

import java.util.Arrays;

/**
 * Where which edges run: a histogram of gradient orientations (unsigned, so an edge counts the same whether it goes
 * from dark to light or the other way) for each cell of a grid, weighted by gradient strength. Shapes and texture,
 * independent of colour and of overall contrast.
 */
final class EdgeLayout {

    /** Mean gradient below which an image counts as flat: what is left is rounding and compression noise. */
    private static final float FLAT = 0.1f / 255;

    private final int grid;
    private final int orientations;

    EdgeLayout(int grid, int orientations) {
        this.grid = grid;
        this.orientations = orientations;
    }

    int dimension() {
        return grid * grid * orientations;
    }

    /** Writes {@link #dimension()} values from {@code offset}, with unit L2 norm (zeros for a flat image). */
    void describe(float[] luminance, int size, float[] vector, int offset) {
        float[] rowShares = new float[grid];
        float[] columnShares = new float[grid];
        float[] orientationShares = new float[orientations];
        double total = 0;
        for (int y = 1; y < size - 1; y++) {
            Arrays.fill(rowShares, 0);
            SoftBins.add(rowShares, 0, grid, (y + 0.5f) / size, 1);
            for (int x = 1; x < size - 1; x++) {
                float dx = luminance[y * size + x + 1] - luminance[y * size + x - 1];
                float dy = luminance[(y + 1) * size + x] - luminance[(y - 1) * size + x];
                float magnitude = (float) Math.sqrt(dx * dx + dy * dy);
                if (magnitude == 0) {
                    continue;
                }
                total += magnitude;
                double angle = Math.atan2(dy, dx); // (-π, π]; unsigned: fold to [0, π)
                float orientation = (float) ((angle < 0 ? angle + Math.PI : angle) / Math.PI);
                Arrays.fill(orientationShares, 0);
                SoftBins.addCircular(orientationShares, 0, orientations, orientation >= 1 ? 0 : orientation, magnitude);
                Arrays.fill(columnShares, 0);
                SoftBins.add(columnShares, 0, grid, (x + 0.5f) / size, 1);
                for (int row = 0; row < grid; row++) {
                    for (int column = 0; column < grid; column++) {
                        float share = rowShares[row] * columnShares[column];
                        if (share == 0) {
                            continue;
                        }
                        int cell = offset + (row * grid + column) * orientations;
                        for (int o = 0; o < orientations; o++) {
                            vector[cell + o] += share * orientationShares[o];
                        }
                    }
                }
            }
        }
        if (total < FLAT * size * size) {
            Arrays.fill(vector, offset, offset + dimension(), 0);
            return;
        }
        Vectors.rootNormalise(vector, offset, dimension());
    }
}
