package org.gallerist.spi.imaging;

import java.util.Locale;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/** The check every backend runs on a header's size before it decodes a pixel, with the message users see. */
public final class PixelLimit {

    private PixelLimit() {
    }

    /** @throws GalleristException {@code too_large} when {@code width × height} exceeds {@code maxPixels} */
    public static void check(int width, int height, long maxPixels) {
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new GalleristException(ErrorCode.TOO_LARGE, String.format(Locale.ROOT,
                    "The image is %d×%d pixels (%.1f megapixels); the limit is %s megapixels.",
                    width, height, pixels / 1e6, megapixels(maxPixels)));
        }
    }

    private static String megapixels(long pixels) {
        double mp = pixels / 1e6;
        return mp == Math.rint(mp) ? Long.toString((long) mp) : String.format(Locale.ROOT, "%.1f", mp);
    }
}
