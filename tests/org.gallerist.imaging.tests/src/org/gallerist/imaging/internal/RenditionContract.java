package org.gallerist.imaging.internal;

import static org.gallerist.imaging.internal.ImageFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.ImageSize;
import org.gallerist.spi.imaging.ImageProcessor;
import org.gallerist.spi.imaging.ImageProcessor.Inspection;
import org.gallerist.spi.imaging.ImageProcessor.Prepared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
/**
 * What every {@link ImageProcessor} must do with the pixels, run against each backend by a subclass: sizes and
 * orientation, robustness, and the one-decode {@code prepare} of an upload ({@link ImageProcessorContract} has formats
 * and rejections).
 */
abstract class RenditionContract {

    static final long FIFTY_MEGAPIXELS = ImageProcessorContract.FIFTY_MEGAPIXELS;

    protected final ImageProcessor processor = processor();

    /** The backend under test. */
    protected abstract ImageProcessor processor();

    @TempDir
    Path dir;

    // --- sizes and orientation -----------------------------------------------------------------------------------

    @Test
    void renditionsFitTheirEdge() throws IOException {
        Path landscape = write(gradient(3000, 2000), "jpeg", dir.resolve("landscape"));
        Path portrait = write(gradient(1500, 4000), "png", dir.resolve("portrait"));

        assertSize(256, 171, processor.render(landscape, ImageSize.THUMB));
        assertSize(1024, 683, processor.render(landscape, ImageSize.PREVIEW));
        assertSize(96, 256, processor.render(portrait, ImageSize.THUMB));
        assertSize(384, 1024, processor.render(portrait, ImageSize.PREVIEW));
    }

    @Test
    void analysisDecodeKeepsTheShortSideAtLeastAsAskedAndIsUpright() throws IOException {
        Path big = write(gradient(3000, 2000), "jpeg", dir.resolve("big"));
        BufferedImage decoded = processor.decodeForAnalysis(big, 256, FIFTY_MEGAPIXELS);
        assertTrue(decoded.getHeight() >= 256 && decoded.getHeight() < 512, "short side " + decoded.getHeight());
        assertEquals(BufferedImage.TYPE_INT_RGB, decoded.getType());

        Path rotated = Files.write(dir.resolve("rotated.jpg"), withOrientation(leftRedRightBlue(400, 200), 6));
        BufferedImage upright = processor.decodeForAnalysis(rotated, 200, FIFTY_MEGAPIXELS);
        assertEquals(200, upright.getWidth());
        assertEquals(400, upright.getHeight());
        assertClose(Color.RED, new Color(upright.getRGB(100, 30)), 40);

        BufferedImage fromMemory = processor.decodeForAnalysis(Files.readAllBytes(rotated), 200, FIFTY_MEGAPIXELS);
        assertEquals(200, fromMemory.getWidth());
        assertEquals(ErrorCode.NOT_AN_IMAGE, assertThrows(GalleristException.class,
                () -> processor.decodeForAnalysis("text".getBytes(StandardCharsets.UTF_8), 10, FIFTY_MEGAPIXELS)).code());

        Path small = write(gradient(60, 40), "png", dir.resolve("small"));
        assertEquals(60, processor.decodeForAnalysis(small, 256, FIFTY_MEGAPIXELS).getWidth());
        GalleristException tooBig = assertThrows(GalleristException.class,
                () -> processor.decodeForAnalysis(big, 256, 1_000_000));
        assertEquals(ErrorCode.TOO_LARGE, tooBig.code());
    }

    @Test
    void smallImagesAreNotUpscaled() throws IOException {
        Path file = write(gradient(100, 50), "png", dir.resolve("small"));

        assertSize(100, 50, processor.render(file, ImageSize.THUMB));
        assertSize(100, 50, processor.render(file, ImageSize.PREVIEW));
    }

    @Test
    void exifOrientationSixTurnsLandscapeIntoPortrait() throws IOException {
        Path file = Files.write(dir.resolve("rotated.jpg"), withOrientation(leftRedRightBlue(400, 200), 6));
        // The stored pixels are landscape; the size reported is the displayed one, like the renditions'.
        assertEquals(new Inspection("jpeg", 200, 400), processor.inspect(file, FIFTY_MEGAPIXELS));

        BufferedImage thumb = jpeg(processor.render(file, ImageSize.THUMB));
        assertEquals(128, thumb.getWidth());
        assertEquals(256, thumb.getHeight());
        // Turned 90° clockwise: the stored left (red) is now at the top, the stored right (blue) at the bottom.
        assertClose(Color.RED, new Color(thumb.getRGB(64, 20)), 40);
        assertClose(Color.BLUE, new Color(thumb.getRGB(64, 236)), 40);
    }

    @Test
    void otherExifOrientations() throws IOException {
        BufferedImage stored = leftRedRightBlue(400, 200);

        BufferedImage eight = jpeg(processor.render(
                Files.write(dir.resolve("8.jpg"), withOrientation(stored, 8)), ImageSize.THUMB));
        assertEquals(128, eight.getWidth());
        assertEquals(256, eight.getHeight());
        assertClose(Color.BLUE, new Color(eight.getRGB(64, 20)), 40); // 90° counter-clockwise: right goes up
        assertClose(Color.RED, new Color(eight.getRGB(64, 236)), 40);

        BufferedImage three = jpeg(processor.render(
                Files.write(dir.resolve("3.jpg"), withOrientation(stored, 3)), ImageSize.THUMB));
        assertEquals(256, three.getWidth());
        assertEquals(128, three.getHeight());
        assertClose(Color.BLUE, new Color(three.getRGB(20, 64)), 40); // 180°: right goes left
        assertClose(Color.RED, new Color(three.getRGB(236, 64)), 40);

        BufferedImage one = jpeg(processor.render(
                Files.write(dir.resolve("1.jpg"), withOrientation(stored, 1)), ImageSize.THUMB));
        assertClose(Color.RED, new Color(one.getRGB(20, 64)), 40);
    }


    // --- robustness -----------------------------------------------------------------------------------------------

    @Test
    void concurrentCallsAreIndependent() throws Exception {
        List<Path> files = new ArrayList<>();
        String[] formats = {"png", "jpeg", "gif", "bmp"};
        for (int i = 0; i < 8; i++) {
            files.add(write(gradient(300 + i * 10, 200), formats[i % 4], dir.resolve("c" + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Path file : files) {
                    results.add(pool.submit(() -> processor.render(file, ImageSize.THUMB)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                int width = 300 + (i % 8) * 10;
                assertSize(256, Math.round(200f * 256 / width), results.get(i).get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }


    @Test
    void sharedPhotos() throws IOException {
        Path photos = Path.of(System.getProperty("gallerist.shared", "/work/shared")).resolve("photos");
        assumeTrue(Files.isDirectory(photos), "No shared photos at " + photos + "; skipping the real-photo check");
        List<Path> files;
        try (Stream<Path> listing = Files.list(photos)) {
            files = listing.filter(p -> p.getFileName().toString().matches("(?i).*\\.(png|jpe?g)")).sorted().toList();
        }
        assumeTrue(!files.isEmpty(), "No PNG or JPEG files in " + photos);
        for (Path file : files) {
            Inspection inspection = processor.inspect(file, FIFTY_MEGAPIXELS);
            BufferedImage original = ImageIO.read(file.toFile());
            String expected = file.getFileName().toString().toLowerCase().endsWith(".png") ? "png" : "jpeg";
            assertEquals(new Inspection(expected, original.getWidth(), original.getHeight()), inspection,
                    file.getFileName().toString());
            BufferedImage thumb = jpeg(processor.render(file, ImageSize.THUMB));
            BufferedImage preview = jpeg(processor.render(file, ImageSize.PREVIEW));
            assertEquals(Math.min(256, Math.max(inspection.width(), inspection.height())),
                    Math.max(thumb.getWidth(), thumb.getHeight()), file.getFileName().toString());
            assertEquals(Math.min(1024, Math.max(inspection.width(), inspection.height())),
                    Math.max(preview.getWidth(), preview.getHeight()), file.getFileName().toString());
        }
    }

    // --- one decode for an upload ---------------------------------------------------------------------------------

    @Test
    void theHeaderAndBothRenditionsFromOneDecodeMatchTheSeparateCalls() throws IOException {
        Path landscape = write(gradient(3000, 2000), "jpeg", dir.resolve("landscape"));
        Prepared prepared = processor.prepare(landscape, 50_000_000L);
        assertEquals(processor.inspect(landscape, 50_000_000L), prepared.inspection());
        assertSize(256, 171, prepared.thumb());
        assertSize(1024, 683, prepared.preview());
        assertClose(new Color(jpeg(processor.render(landscape, ImageSize.THUMB)).getRGB(128, 85)),
                new Color(jpeg(prepared.thumb()).getRGB(128, 85)), 12);

        Path small = write(gradient(100, 50), "png", dir.resolve("small"));
        Prepared notUpscaled = processor.prepare(small, 50_000_000L);
        assertEquals(new Inspection("png", 100, 50), notUpscaled.inspection());
        assertSize(100, 50, notUpscaled.thumb());
        assertSize(100, 50, notUpscaled.preview());
    }

    @Test
    void bothRenditionsAreUprightForAnExifRotatedJpeg() throws IOException {
        Path file = Files.write(dir.resolve("rotated.jpg"), withOrientation(leftRedRightBlue(400, 200), 6));
        Prepared prepared = processor.prepare(file, 50_000_000L);
        assertEquals(new Inspection("jpeg", 200, 400), prepared.inspection(), "the displayed size");
        BufferedImage thumb = jpeg(prepared.thumb());
        BufferedImage preview = jpeg(prepared.preview());
        assertEquals(128, thumb.getWidth());
        assertEquals(256, thumb.getHeight());
        assertEquals(200, preview.getWidth());
        assertEquals(400, preview.getHeight());
        assertClose(Color.RED, new Color(thumb.getRGB(64, 20)), 40);
        assertClose(Color.BLUE, new Color(preview.getRGB(100, 380)), 40);
    }

    @Test
    void theEmbeddersInputComesFromTheSameDecodeOnlyWhenAskedFor() throws IOException {
        Path landscape = write(gradient(3000, 2000), "jpeg", dir.resolve("landscape"));
        assertNull(processor.prepare(landscape, 50_000_000L).analysis());
        BufferedImage analysis = processor.prepare(landscape, 50_000_000L, 256).analysis();
        assertTrue(analysis.getHeight() >= 256 && analysis.getHeight() < 512, "short side " + analysis.getHeight());
        assertEquals(1.5, (double) analysis.getWidth() / analysis.getHeight(), 0.02);
        assertEquals(BufferedImage.TYPE_INT_RGB, analysis.getType());

        Path rotated = Files.write(dir.resolve("rotated.jpg"), withOrientation(leftRedRightBlue(400, 200), 6));
        BufferedImage upright = processor.prepare(rotated, 50_000_000L, 200).analysis();
        assertEquals(200, upright.getWidth());
        assertEquals(400, upright.getHeight());
        assertClose(Color.RED, new Color(upright.getRGB(100, 30)), 40);
        assertClose(Color.BLUE, new Color(upright.getRGB(100, 370)), 40);

        Path small = write(gradient(60, 40), "png", dir.resolve("small"));
        assertEquals(60, processor.prepare(small, 50_000_000L, 256).analysis().getWidth());
    }

    @Test
    void theLimitsAndDamageChecksOfInspectHoldToo() throws IOException {
        Path square = write(gradient(100, 100), "png", dir.resolve("square"));
        assertEquals(ErrorCode.TOO_LARGE, assertThrows(GalleristException.class,
                () -> processor.prepare(square, 9_999)).code());
        byte[] whole = Files.readAllBytes(write(gradient(300, 200), "jpeg", dir.resolve("whole")));
        Path truncated = Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(whole, whole.length / 2));
        assertEquals(ErrorCode.CORRUPT_IMAGE, assertThrows(GalleristException.class,
                () -> processor.prepare(truncated, 50_000_000L)).code());
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image at all");
        assertEquals(ErrorCode.NOT_AN_IMAGE, assertThrows(GalleristException.class,
                () -> processor.prepare(text, 50_000_000L)).code());
    }
}
