package org.gallerist.similarity.internal;

import java.util.Arrays;

/**
 * Where which colours are: a soft hue × brightness histogram for the whole image and for each cell of a coarse grid.
 * Grey pixels have no meaningful hue, so they go to separate brightness-only bins, weighted by how grey they are.
 */
final class ColourLayout {

    private static final int HUE_BINS = 8;
    private static final int CHROMATIC_VALUE_BINS = 3;
    private static final int GREY_BINS = 5;
    private static final int BINS = HUE_BINS * CHROMATIC_VALUE_BINS + GREY_BINS;
    /** Chroma (max − min channel) from which a pixel counts as fully coloured. */
    private static final float FULL_CHROMA = 0.25f;

    private final int grid;

    ColourLayout(int grid) {
        this.grid = grid;
    }

    int dimension() {
        return BINS * (1 + grid * grid);
    }

    /** Writes {@link #dimension()} values from {@code offset}, with unit L2 norm. */
    void describe(WorkingImage image, float[] vector, int offset) {
        int size = image.size;
        float[] pixelBins = new float[BINS];
        float[] hueShares = new float[HUE_BINS];
        float[] columnShares = new float[grid];
        float[] rowShares = new float[grid];
        for (int y = 0; y < size; y++) {
            shares(y, size, rowShares);
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                bin(image.red[i], image.green[i], image.blue[i], pixelBins, hueShares);
                shares(x, size, columnShares);
                for (int bin = 0; bin < BINS; bin++) {
                    float weight = pixelBins[bin];
                    if (weight == 0) {
                        continue;
                    }
                    vector[offset + bin] += weight;
                    for (int row = 0; row < grid; row++) {
                        for (int column = 0; column < grid; column++) {
                            float share = rowShares[row] * columnShares[column];
                            vector[offset + BINS * (1 + row * grid + column) + bin] += weight * share;
                        }
                    }
                }
            }
        }
        float part = (float) (1 / Math.sqrt(1 + grid * grid));
        for (int region = 0; region <= grid * grid; region++) {
            Vectors.rootNormalise(vector, offset + region * BINS, BINS);
            Vectors.scale(vector, offset + region * BINS, BINS, part);
        }
    }

    /** How a pixel's weight of 1 is spread over the bins; {@code hueShares} is scratch space. */
    private static void bin(float r, float g, float b, float[] bins, float[] hueShares) {
        Arrays.fill(bins, 0);
        float max = Math.max(r, Math.max(g, b));
        float min = Math.min(r, Math.min(g, b));
        float chroma = max - min;
        float coloured = Math.min(1, chroma / FULL_CHROMA);
        if (coloured > 0) {
            float hue = hue(r, g, b, max, chroma);
            Arrays.fill(hueShares, 0);
            SoftBins.addCircular(hueShares, 0, HUE_BINS, hue, coloured);
            for (int h = 0; h < HUE_BINS; h++) {
                if (hueShares[h] > 0) {
                    SoftBins.add(bins, h * CHROMATIC_VALUE_BINS, CHROMATIC_VALUE_BINS, max, hueShares[h]);
                }
            }
        }
        float lightness = (max + min) / 2;
        SoftBins.add(bins, HUE_BINS * CHROMATIC_VALUE_BINS, GREY_BINS, lightness, 1 - coloured);
    }

    /** HSV hue in [0, 1). */
    private static float hue(float r, float g, float b, float max, float chroma) {
        float sixths;
        if (max == r) {
            sixths = (g - b) / chroma;
        } else if (max == g) {
            sixths = 2 + (b - r) / chroma;
        } else {
            sixths = 4 + (r - g) / chroma;
        }
        float hue = sixths / 6;
        return hue < 0 ? hue + 1 : hue >= 1 ? hue - 1 : hue;
    }

    /** Soft share of grid rows (or columns) for the cell at {@code index} of {@code size}. */
    private void shares(int index, int size, float[] shares) {
        Arrays.fill(shares, 0);
        SoftBins.add(shares, 0, grid, (index + 0.5f) / size, 1);
    }
}
