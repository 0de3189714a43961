package org.gallerist.imaging.internal;

import static org.gallerist.imaging.internal.ImageFixtures.jpeg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.gallerist.api.image.ImageSize;
import org.gallerist.spi.imaging.ImageProcessor;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The contract on the libvips backend, as Declarative Services registers it (with the Java backend beside it for
 * checks and BMP). Where {@code gallerist.requireVips} is true (CI, which installs libvips42), a machine without the
 * library fails these tests; elsewhere they are skipped with the reason.
 */
class VipsImageProcessorTest extends ImageProcessorContract {

    @Override
    protected ImageProcessor processor() {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceTracker<ImageProcessor, ImageProcessor> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter("(&(objectClass="
                    + ImageProcessor.class.getName() + ")(imaging.backend=vips))"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open();
        try {
            ImageProcessor vips = tracker.waitForService(10_000);
            assertNotNull(vips, "SCR registered the libvips ImageProcessor");
            Optional<String> version = libraryVersion(vips);
            if (Boolean.getBoolean("gallerist.requireVips")) {
                assertTrue(version.isPresent(), "libvips is installed here (gallerist.requireVips=true)");
            } else {
                assumeTrue(version.isPresent(), "libvips 8.13+ is not installed; skipping its backend's tests");
            }
            return vips;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            tracker.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> libraryVersion(ImageProcessor vips) {
        try {
            return (Optional<String>) vips.getClass().getMethod("libraryVersion").invoke(vips);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the libvips backend tells its library version", e);
        }
    }

    @Test
    void rendersTheSharedPhotosLikeTheJavaBackend() throws Exception {
        Path photos = Path.of(System.getProperty("gallerist.shared", "/work/shared")).resolve("photos");
        assumeTrue(Files.isDirectory(photos), "No shared photos at " + photos);
        List<Path> files;
        try (Stream<Path> listing = Files.list(photos)) {
            files = listing.filter(p -> p.getFileName().toString().matches("(?i).*\\.(png|jpe?g)")).sorted().toList();
        }
        ImageProcessor java = new TwelveMonkeysImageProcessor();
        for (Path file : files) {
            BufferedImage ours = jpeg(processor.render(file, ImageSize.THUMB));
            BufferedImage theirs = jpeg(java.render(file, ImageSize.THUMB));
            assertEquals(theirs.getWidth() + "×" + theirs.getHeight(), ours.getWidth() + "×" + ours.getHeight(),
                    file.getFileName().toString());
            double difference = meanDifference(ours, theirs);
            assertTrue(difference < 10, file.getFileName() + ": the thumbnails differ by " + difference
                    + " levels on average");
        }
    }

    /** Mean absolute difference per channel, 0-255. */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
