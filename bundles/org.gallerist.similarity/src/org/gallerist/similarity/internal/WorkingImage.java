package org.gallerist.similarity.internal;

import java.awt.image.BufferedImage;

/**
 * An image reduced to a fixed {@code size}×{@code size} grid of RGB values in [0, 1], each the mean of the source pixels
 * it covers. Stretching to a square on purpose: copies of one image at other sizes land on the same grid whatever
 * their aspect ratio, and box averaging removes most resampling and JPEG noise before any feature sees it.
 */
final class WorkingImage {

    /** Above this many pixels only every n-th row and column is read; the means stay close and time stays bounded. */
    private static final long FULL_READ_PIXELS = 4_000_000L;

    final int size;
    final float[] red;
    final float[] green;
    final float[] blue;

    private WorkingImage(int size) {
        this.size = size;
        this.red = new float[size * size];
        this.green = new float[size * size];
        this.blue = new float[size * size];
    }

    /** Any type and size; transparency is flattened onto white, as the thumbnails show it. */
    static WorkingImage of(BufferedImage image, int size) {
        int width = image.getWidth();
        int height = image.getHeight();
        int stride = (int) Math.ceil(Math.sqrt((double) width * height / FULL_READ_PIXELS));
        int[] columnStart = binStarts(width, size);
        int[] rowStart = binStarts(height, size);

        // Separable: first each bin of columns in every read row, then each bin of rows in every column bin.
        boolean[] rowRead = new boolean[height];
        for (int bin = 0; bin < size; bin++) {
            for (int y = rowStart[bin]; y < binEnd(rowStart, bin, height); y += stride) {
                rowRead[y] = true;
            }
        }
        float[][] rowMeans = new float[3][height * size];
        RowReader rows = RowReader.of(image);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            if (!rowRead[y]) {
                continue;
            }
            rows.read(y, row);
            for (int bin = 0; bin < size; bin++) {
                float r = 0;
                float g = 0;
                float b = 0;
                int count = 0;
                for (int x = columnStart[bin]; x < binEnd(columnStart, bin, width); x += stride) {
                    int argb = row[x];
                    float alpha = (argb >>> 24) / 255f;
                    float white = 1 - alpha;
                    r += ((argb >> 16) & 0xFF) / 255f * alpha + white;
                    g += ((argb >> 8) & 0xFF) / 255f * alpha + white;
                    b += (argb & 0xFF) / 255f * alpha + white;
                    count++;
                }
                rowMeans[0][y * size + bin] = r / count;
                rowMeans[1][y * size + bin] = g / count;
                rowMeans[2][y * size + bin] = b / count;
            }
        }
        WorkingImage result = new WorkingImage(size);
        float[][] target = {result.red, result.green, result.blue};
        for (int bin = 0; bin < size; bin++) {
            for (int column = 0; column < size; column++) {
                for (int channel = 0; channel < 3; channel++) {
                    float sum = 0;
                    int count = 0;
                    for (int y = rowStart[bin]; y < binEnd(rowStart, bin, height); y += stride) {
                        sum += rowMeans[channel][y * size + column];
                        count++;
                    }
                    target[channel][bin * size + column] = sum / count;
                }
            }
        }
        return result;
    }

    /** Luma (Rec. 601) per cell. */
    float[] luminance() {
        float[] luma = new float[size * size];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = 0.299f * red[i] + 0.587f * green[i] + 0.114f * blue[i];
        }
        return luma;
    }

    /** First source index of each of {@code bins} bins over {@code length} pixels. */
    private static int[] binStarts(int length, int bins) {
        int[] starts = new int[bins];
        for (int bin = 0; bin < bins; bin++) {
            starts[bin] = (int) ((long) bin * length / bins);
        }
        return starts;
    }

    /** Bins are never empty: a source smaller than the grid repeats its pixels. */
    private static int binEnd(int[] starts, int bin, int length) {
        int end = bin + 1 < starts.length ? starts[bin + 1] : length;
        return Math.max(end, starts[bin] + 1);
    }
}
