package org.gallerist.imaging.internal;

import static org.gallerist.imaging.internal.ImageFixtures.jpeg;
import static org.gallerist.imaging.internal.ImageFixtures.meanDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.gallerist.api.image.ImageSize;
import org.gallerist.spi.imaging.ImageProcessor;
import org.junit.jupiter.api.Test;

/**
 * The contract on the libvips backend, as Declarative Services registers it (with the Java backend beside it for
 * checks and BMP). Where {@code gallerist.requireVips} is true (CI, which installs libvips42), a machine without the
 * library fails these tests; elsewhere they are skipped with the reason.
 */
class VipsImageProcessorTest extends ImageProcessorContract {

    @Override
    protected ImageProcessor processor() {
        return VipsBackend.registered();
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
}
