package org.gallerist.similarity.internal;

/**
 * Soft (linear) binning: a value between two bin centres is shared between both bins in proportion to its closeness,
 * so a small shift of the value moves a little weight instead of flipping a whole count into the next bin.
 */
final class SoftBins {

    private SoftBins() {
    }

    /**
     * Adds {@code weight} for {@code value} in [0, 1] over {@code bins} bins starting at {@code offset}; bin centres sit
     * at (i + 0.5) / bins and values beyond the outer centres stay in the outer bin.
     */
    static void add(float[] histogram, int offset, int bins, float value, float weight) {
        float position = Math.clamp(value * bins - 0.5f, 0f, bins - 1f);
        int lower = (int) position;
        float upperShare = position - lower;
        histogram[offset + lower] += weight * (1 - upperShare);
        if (upperShare > 0) {
            histogram[offset + lower + 1] += weight * upperShare;
        }
    }

    /** Like {@link #add} for a circular quantity in [0, 1), e.g. hue or orientation: the last bin neighbours the first. */
    static void addCircular(float[] histogram, int offset, int bins, float value, float weight) {
        float position = value * bins - 0.5f;
        float floor = (float) Math.floor(position);
        float upperShare = position - floor;
        int lower = Math.floorMod((int) floor, bins);
        histogram[offset + lower] += weight * (1 - upperShare);
        histogram[offset + (lower + 1) % bins] += weight * upperShare;
    }
}
