package org.gallerist.imaging.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

import org.gallerist.spi.imaging.ImageProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The libvips backend as Declarative Services registers it (with the Java backend beside it for checks and BMP).
 * Where {@code gallerist.requireVips} is true (CI, which installs libvips42), a machine without the library fails the
 * tests that use it; elsewhere they are skipped with the reason.
 */
public final class VipsBackend {

    private VipsBackend() {
    }

    public static ImageProcessor registered() {
        BundleContext context = FrameworkUtil.getBundle(VipsBackend.class).getBundleContext();
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
}
