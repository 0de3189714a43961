package org.gallerist.examples.embedder.internal;

import java.awt.image.BufferedImage;

/**
 * An image reduced to {@code columns × rows} cells, each the mean colour (0–1 a channel) of the pixels it covers. Every
 * pixel counts, so a resized or re-encoded copy gives almost the same means. Transparent pixels count as over white.
 */
final class CellGrid {

    private final int columns;
    private final float[] red;
    private final float[] green;
    private final float[] blue;

    private CellGrid(int columns, int rows) {
        this.columns = columns;
        this.red = new float[columns * rows];
        this.green = new float[columns * rows];
        this.blue = new float[columns * rows];
    }

    static CellGrid of(BufferedImage image, int columns, int rows) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] columnStart = starts(width, columns);
        int[] columnEnd = ends(columnStart, width);
        int[] rowStart = starts(height, rows);
        int[] rowEnd = ends(rowStart, height);
        CellGrid grid = new CellGrid(columns, rows);
        int[] pixels = new int[width];
        for (int row = 0; row < rows; row++) {
            float[] sums = new float[columns * 3];
            for (int y = rowStart[row]; y < rowEnd[row]; y++) {
                image.getRGB(0, y, width, 1, pixels, 0, width);
                for (int column = 0; column < columns; column++) {
                    for (int x = columnStart[column]; x < columnEnd[column]; x++) {
                        int argb = pixels[x];
                        float alpha = (argb >>> 24) / 255f;
                        sums[column * 3] += ((argb >> 16) & 0xFF) / 255f * alpha + 1 - alpha;
                        sums[column * 3 + 1] += ((argb >> 8) & 0xFF) / 255f * alpha + 1 - alpha;
                        sums[column * 3 + 2] += (argb & 0xFF) / 255f * alpha + 1 - alpha;
                    }
                }
            }
            for (int column = 0; column < columns; column++) {
                float pixelCount = (rowEnd[row] - rowStart[row]) * (columnEnd[column] - columnStart[column]);
                int cell = row * columns + column;
                grid.red[cell] = sums[column * 3] / pixelCount;
                grid.green[cell] = sums[column * 3 + 1] / pixelCount;
                grid.blue[cell] = sums[column * 3 + 2] / pixelCount;
            }
        }
        return grid;
    }

    float red(int column, int row) {
        return red[row * columns + column];
    }

    float green(int column, int row) {
        return green[row * columns + column];
    }

    float blue(int column, int row) {
        return blue[row * columns + column];
    }

    /** Rec. 601 luma. */
    float brightness(int column, int row) {
        int cell = row * columns + column;
        return 0.299f * red[cell] + 0.587f * green[cell] + 0.114f * blue[cell];
    }

    private static int[] starts(int length, int parts) {
        int[] starts = new int[parts];
        for (int part = 0; part < parts; part++) {
            starts[part] = (int) ((long) part * length / parts);
        }
        return starts;
    }

    /** Each part keeps at least one pixel, so an image smaller than the grid shares pixels between cells. */
    private static int[] ends(int[] starts, int length) {
        int[] ends = new int[starts.length];
        for (int part = 0; part < starts.length; part++) {
            int next = part + 1 < starts.length ? starts[part + 1] : length;
            ends[part] = Math.max(starts[part] + 1, next);
        }
        return ends;
    }
}
