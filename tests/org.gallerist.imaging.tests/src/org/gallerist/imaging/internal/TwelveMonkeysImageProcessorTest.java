package org.gallerist.imaging.internal;

import static org.gallerist.imaging.internal.ImageFixtures.gradient;
import static org.gallerist.imaging.internal.ImageFixtures.pixels;
import static org.gallerist.imaging.internal.ImageFixtures.assertSize;
import static org.gallerist.imaging.internal.ImageFixtures.write;
import static org.gallerist.imaging.internal.ImageProcessorContract.FIFTY_MEGAPIXELS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import org.gallerist.api.image.ImageSize;
import org.gallerist.spi.imaging.ImageProcessor;
import org.gallerist.spi.imaging.ImageProcessor.Inspection;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The contract on the pure-Java backend (TwelveMonkeys ImageIO), plus what is its own. */
class TwelveMonkeysImageProcessorTest extends ImageProcessorContract {

    @Override
    protected ImageProcessor processor() {
        return new TwelveMonkeysImageProcessor();
    }

    @Test
    void orientationTransformsMapCornersCorrectly() {
        // 3×2 stored image with distinct pixels; each orientation's upright result, row by row.
        BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        int[] values = {1, 2, 3, 4, 5, 6}; // row 0: 1 2 3, row 1: 4 5 6
        stored.setRGB(0, 0, 3, 2, values, 0, 3);

        assertArrayEquals(new int[] {3, 2, 1, 6, 5, 4}, pixels(ExifOrientation.apply(stored, 2)));
        assertArrayEquals(new int[] {6, 5, 4, 3, 2, 1}, pixels(ExifOrientation.apply(stored, 3)));
        assertArrayEquals(new int[] {4, 5, 6, 1, 2, 3}, pixels(ExifOrientation.apply(stored, 4)));
        assertArrayEquals(new int[] {1, 4, 2, 5, 3, 6}, pixels(ExifOrientation.apply(stored, 5)));
        assertArrayEquals(new int[] {4, 1, 5, 2, 6, 3}, pixels(ExifOrientation.apply(stored, 6)));
        assertArrayEquals(new int[] {6, 3, 5, 2, 4, 1}, pixels(ExifOrientation.apply(stored, 7)));
        assertArrayEquals(new int[] {3, 6, 2, 5, 1, 4}, pixels(ExifOrientation.apply(stored, 8)));
    }

    @Test
    void componentIsRegisteredByDeclarativeServices() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        assertNotNull(context, "the imaging bundle is started");
        ServiceTracker<ImageProcessor, ImageProcessor> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + ImageProcessor.class.getName() + ")(imaging.backend=java))"),
                null);
        tracker.open();
        try {
            ImageProcessor service = tracker.waitForService(10_000);
            assertNotNull(service, "SCR registered the ImageProcessor component");
            Path file = write(gradient(600, 300), "png", dir.resolve("via-service"));
            assertEquals(new Inspection("png", 600, 300), service.inspect(file, FIFTY_MEGAPIXELS));
            assertSize(256, 128, service.render(file, ImageSize.THUMB));
        } finally {
            tracker.close();
        }
    }
}
