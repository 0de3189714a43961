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
 * What every {@link ImageProcessor} must do, run against each backend by a subclass (the pure-Java one and libvips):
 * formats, rejections, sizes and orientation, robustness, and the one-decode {@code prepare} of an upload.
 */
abstract class ImageProcessorContract {

    static final long FIFTY_MEGAPIXELS = 50_000_000L;

    /**
     * A 2×2 lossless WebP (VP8L), 42 bytes: top row red, blue; bottom row red, red. The JDK has no WebP writer, so it
     * was encoded once with libwebp 1.2.4 ({@code convert -size 2x2 xc:red -fill blue -draw 'point 1,0'
     * -define webp:lossless=true t.webp}) and pasted here.
     */
    static final byte[] LOSSLESS_WEBP_2X2 = bytes(
            0x52, 0x49, 0x46, 0x46, 0x22, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50,
            0x56, 0x50, 0x38, 0x4c, 0x16, 0x00, 0x00, 0x00, 0x2f, 0x01, 0x40, 0x00,
            0x00, 0x0f, 0x10, 0xf3, 0xbf, 0xff, 0xf3, 0x1f, 0x0e, 0x14, 0x02, 0x08,
            0x80, 0x82, 0x26, 0xa2, 0xff, 0xe1);

    /**
     * A 16×8 lossy WebP (VP8), 66 bytes, filled with #3366cc; encoded with libwebp 1.2.4
     * ({@code convert -size 16x8 xc:'#3366cc' -quality 80 l.webp}).
     */
    static final byte[] LOSSY_WEBP_16X8 = bytes(
            0x52, 0x49, 0x46, 0x46, 0x3a, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50,
            0x56, 0x50, 0x38, 0x20, 0x2e, 0x00, 0x00, 0x00, 0xd0, 0x01, 0x00, 0x9d,
            0x01, 0x2a, 0x10, 0x00, 0x08, 0x00, 0x01, 0x40, 0x26, 0x25, 0xa0, 0x02,
            0x74, 0xba, 0x01, 0xf8, 0x00, 0x03, 0xb0, 0x00, 0xfe, 0xee, 0x76, 0x7f,
            0xfe, 0xad, 0x0f, 0x96, 0x87, 0xcb, 0x43, 0xf7, 0x3e, 0xff, 0xe4, 0x16,
            0x95, 0xcb, 0x77, 0x60, 0x00, 0x00);

    protected final ImageProcessor processor = processor();

    /** The backend under test. */
    protected abstract ImageProcessor processor();

    @TempDir
    Path dir;

    // --- formats -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
    void roundTripsEveryJdkWritableFormat(String format) throws IOException {
        // The extension is deliberately wrong: only the content counts.
        Path file = write(gradient(640, 480), format, dir.resolve("upload.txt"));

        assertEquals(new Inspection(format, 640, 480), processor.inspect(file, FIFTY_MEGAPIXELS));

        BufferedImage thumb = jpeg(processor.render(file, ImageSize.THUMB));
        assertEquals(256, thumb.getWidth());
        assertEquals(192, thumb.getHeight());
        BufferedImage preview = jpeg(processor.render(file, ImageSize.PREVIEW));
        assertEquals(640, preview.getWidth(), "not upscaled");
        assertEquals(480, preview.getHeight());
        // The gradient runs from dark (left) to light (right): the rendition keeps the picture, not just the size.
        assertTrue(brightness(thumb.getRGB(5, 96)) < 60, "left is dark");
        assertTrue(brightness(thumb.getRGB(250, 96)) > 190, "right is light");
    }

    @Test
    void fileNameIsIrrelevant() throws IOException {
        Path pngNamedJpg = write(gradient(30, 20), "png", dir.resolve("photo.jpg"));
        Path jpegWithoutExtension = write(gradient(30, 20), "jpeg", dir.resolve("noextension"));

        assertEquals("png", processor.inspect(pngNamedJpg, FIFTY_MEGAPIXELS).format());
        assertEquals("jpeg", processor.inspect(jpegWithoutExtension, FIFTY_MEGAPIXELS).format());
    }

    @Test
    void decodesLosslessWebP() throws IOException {
        Path file = Files.write(dir.resolve("tiny.png"), LOSSLESS_WEBP_2X2);

        assertEquals(new Inspection("webp", 2, 2), processor.inspect(file, FIFTY_MEGAPIXELS));

        // Exact pixels, through the same reader provider the processor uses.
        Codecs.Format webp = new Codecs().formats().stream().filter(f -> f.name().equals("webp")).findFirst().get();
        ImageReader reader = webp.provider().createReaderInstance();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(LOSSLESS_WEBP_2X2))) {
            reader.setInput(in);
            BufferedImage image = reader.read(0);
            assertEquals(0xFF0000, image.getRGB(0, 0) & 0xFFFFFF);
            assertEquals(0x0000FF, image.getRGB(1, 0) & 0xFFFFFF);
            assertEquals(0xFF0000, image.getRGB(0, 1) & 0xFFFFFF);
            assertEquals(0xFF0000, image.getRGB(1, 1) & 0xFFFFFF);
        } finally {
            reader.dispose();
        }

        BufferedImage thumb = jpeg(processor.render(file, ImageSize.THUMB));
        assertEquals(2, thumb.getWidth(), "not upscaled");
        assertEquals(2, thumb.getHeight());
    }

    @Test
    void decodesLossyWebP() throws IOException {
        Path file = Files.write(dir.resolve("lossy"), LOSSY_WEBP_16X8);

        assertEquals(new Inspection("webp", 16, 8), processor.inspect(file, FIFTY_MEGAPIXELS));
        BufferedImage thumb = jpeg(processor.render(file, ImageSize.THUMB));
        assertEquals(16, thumb.getWidth());
        assertEquals(8, thumb.getHeight());
        assertClose(new Color(0x33, 0x66, 0xcc), new Color(thumb.getRGB(8, 4)), 24);
    }

    @Test
    void decodesCmykJpeg() throws IOException {
        // A four-channel JPEG with an Adobe APP14 segment (transform 0): CMYK, stored inverted as Photoshop does.
        int width = 120;
        int height = 80;
        BufferedImage fourChannels = new BufferedImage(width, height, BufferedImage.TYPE_4BYTE_ABGR);
        WritableRaster raster = fourChannels.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {255, 0, 0, 255}); // inverted C=0 M=255 Y=255 K=0: red
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(plain)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = plain.toByteArray();
        byte[] adobe = bytes(0xFF, 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0);
        ByteArrayOutputStream withAdobe = new ByteArrayOutputStream();
        withAdobe.write(jpeg, 0, 2);
        withAdobe.write(adobe);
        withAdobe.write(jpeg, 2, jpeg.length - 2);
        Path file = Files.write(dir.resolve("cmyk.jpg"), withAdobe.toByteArray());

        assertEquals(new Inspection("jpeg", width, height), processor.inspect(file, FIFTY_MEGAPIXELS));
        BufferedImage thumb = jpeg(processor.render(file, ImageSize.THUMB));
        assertEquals(width, thumb.getWidth());
        assertEquals(height, thumb.getHeight());
        assertClose(Color.RED, new Color(thumb.getRGB(60, 40)), 40);
    }

    @Test
    void transparencyIsFlattenedOntoWhite() throws IOException {
        BufferedImage clear = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB); // fully transparent
        Graphics2D g = clear.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 20, 40); // left half opaque black
        g.dispose();
        Path file = write(clear, "png", dir.resolve("alpha.png"));

        BufferedImage thumb = jpeg(processor.render(file, ImageSize.THUMB));
        assertClose(Color.WHITE, new Color(thumb.getRGB(32, 20)), 8);
        assertClose(Color.BLACK, new Color(thumb.getRGB(6, 20)), 8);
    }

    // --- rejections ----------------------------------------------------------------------------------------------

    @Test
    void textIsNotAnImage() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.png"), "Just some words, not pixels.\n".repeat(20));

        GalleristException e = assertThrows(GalleristException.class, () -> processor.inspect(file, FIFTY_MEGAPIXELS));
        assertEquals(ErrorCode.NOT_AN_IMAGE, e.code());
        assertTrue(e.getMessage().startsWith("The file is not an image Gallerist can read (JPEG, PNG, GIF, BMP, WebP,"
                + " TIFF"), e.getMessage());
        assertEquals(ErrorCode.NOT_AN_IMAGE,
                assertThrows(GalleristException.class, () -> processor.render(file, ImageSize.THUMB)).code());
    }

    @Test
    void emptyFileIsNotAnImage() throws IOException {
        Path file = Files.write(dir.resolve("empty.jpg"), new byte[0]);

        assertEquals(ErrorCode.NOT_AN_IMAGE,
                assertThrows(GalleristException.class, () -> processor.inspect(file, FIFTY_MEGAPIXELS)).code());
        assertEquals(ErrorCode.NOT_AN_IMAGE,
                assertThrows(GalleristException.class, () -> processor.render(file, ImageSize.PREVIEW)).code());
    }

    @Test
    void signatureAloneIsCorrupt() throws IOException {
        // Looks like a PNG, but the header ends after the signature.
        Path file = Files.write(dir.resolve("sig.png"), Arrays.copyOf(pngHeader(10, 10), 8));

        GalleristException e = assertThrows(GalleristException.class, () -> processor.inspect(file, FIFTY_MEGAPIXELS));
        assertEquals(ErrorCode.CORRUPT_IMAGE, e.code());
        assertEquals("The PNG image is truncated or corrupt and cannot be read.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
    void truncatedImageFailsToRender(String format) throws IOException {
        byte[] whole = Files.readAllBytes(write(noise(400, 300), format, dir.resolve("whole")));
        Path file = Files.write(dir.resolve("truncated"), Arrays.copyOf(whole, whole.length * 6 / 10));

        // The header is intact, so inspection still succeeds; decoding is what must notice.
        assertEquals(new Inspection(format, 400, 300), processor.inspect(file, FIFTY_MEGAPIXELS));
        GalleristException e = assertThrows(GalleristException.class, () -> processor.render(file, ImageSize.THUMB));
        assertEquals(ErrorCode.CORRUPT_IMAGE, e.code());
    }

    @Test
    void truncatedWebPFailsToRender() throws IOException {
        Path file = Files.write(dir.resolve("cut.webp"), Arrays.copyOf(LOSSY_WEBP_16X8, 50));

        GalleristException e = assertThrows(GalleristException.class, () -> processor.render(file, ImageSize.THUMB));
        assertEquals(ErrorCode.CORRUPT_IMAGE, e.code());
    }

    @Test
    void pixelLimitIsCheckedFromTheHeaderAlone() throws IOException {
        // A PNG signature and IHDR claiming 20000×20000, and no pixel data at all: only the header can be read.
        Path file = Files.write(dir.resolve("huge.png"), pngHeader(20000, 20000));

        GalleristException e = assertThrows(GalleristException.class, () -> processor.inspect(file, FIFTY_MEGAPIXELS));
        assertEquals(ErrorCode.TOO_LARGE, e.code());
        assertEquals("The image is 20000×20000 pixels (400.0 megapixels); the limit is 50 megapixels.", e.getMessage());

        // With a higher limit the header passes: proof that inspection never touched the (missing) pixels.
        assertEquals(new Inspection("png", 20000, 20000), processor.inspect(file, 500_000_000L));
        // Rendering is guarded too, without a configured limit.
        assertEquals(ErrorCode.TOO_LARGE,
                assertThrows(GalleristException.class, () -> processor.render(file, ImageSize.THUMB)).code());
    }

    @Test
    void pixelLimitIsInclusive() throws IOException {
        Path file = write(gradient(100, 100), "png", dir.resolve("square"));

        assertEquals(new Inspection("png", 100, 100), processor.inspect(file, 10_000));
        GalleristException e = assertThrows(GalleristException.class, () -> processor.inspect(file, 9_999));
        assertEquals(ErrorCode.TOO_LARGE, e.code());
        assertEquals("The image is 100×100 pixels (0.0 megapixels); the limit is 0.0 megapixels.", e.getMessage());
    }

    @Test
    void originalIsNotRendered() throws IOException {
        Path file = write(gradient(10, 10), "png", dir.resolve("small"));
        assertThrows(IllegalArgumentException.class, () -> processor.render(file, ImageSize.ORIGINAL));
    }

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
