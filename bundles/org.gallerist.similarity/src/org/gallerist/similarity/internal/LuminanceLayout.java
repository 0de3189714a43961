package org.gallerist.similarity.internal;

import java.util.Arrays;

/**
 * The image as a tiny greyscale picture with its mean removed and its contrast normalised: the overall composition
 * (light sky above dark ground, a bright subject in the middle), unaffected by brightness and contrast changes.
 */
final class LuminanceLayout {

    private final int grid;

    LuminanceLayout(int grid) {
        this.grid = grid;
    }

    int dimension() {
        return grid * grid;
    }

    /**
     * Writes {@link #dimension()} values from {@code offset}, with unit L2 norm (zeros for a flat image). {@code size}
     * must be a multiple of the grid.
     */
    void describe(float[] luminance, int size, float[] vector, int offset) {
        int block = size / grid;
        float mean = 0;
        for (int row = 0; row < grid; row++) {
            for (int column = 0; column < grid; column++) {
                float sum = 0;
                for (int y = row * block; y < (row + 1) * block; y++) {
                    for (int x = column * block; x < (column + 1) * block; x++) {
                        sum += luminance[y * size + x];
                    }
                }
                float cell = sum / (block * block);
                vector[offset + row * grid + column] = cell;
                mean += cell;
            }
        }
        mean /= dimension();
        float spread = 0;
        for (int i = offset; i < offset + dimension(); i++) {
            vector[i] -= mean;
            spread = Math.max(spread, Math.abs(vector[i]));
        }
        // Below about one grey level everything left is rounding noise: call such an image flat.
        if (spread < 1 / 255f) {
            Arrays.fill(vector, offset, offset + dimension(), 0);
            return;
        }
        Vectors.normalise(vector, offset, dimension());
    }
}
