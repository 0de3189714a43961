package org.gallerist.imaging.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

class TwelveMonkeysImageProcessorTest {

    private static final long FIFTY_MEGAPIXELS = 50_000_000L;

    /**
     * A 2×2 lossless WebP (VP8L), 42 bytes: top row red, blue; bottom row red, red. The JDK has no WebP writer, so it
     * was encoded once with libwebp 1.2.4 ({@code convert -size 2x2 xc:red -fill blue -draw 'point 1,0'
     * -define webp:lossless=true t.webp}) and pasted here.
     */
    private static final byte[] LOSSLESS_WEBP_2X2 = bytes(
            0x52, 0x49, 0x46, 0x46, 0x22, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50,
            0x56, 0x50, 0x38, 0x4c, 0x16, 0x00, 0x00, 0x00, 0x2f, 0x01, 0x40, 0x00,
            0x00, 0x0f, 0x10, 0xf3, 0xbf, 0xff, 0xf3, 0x1f, 0x0e, 0x14, 0x02, 0x08,
            0x80, 0x82, 0x26, 0xa2, 0xff, 0xe1);

    /**
     * A 16×8 lossy WebP (VP8), 66 bytes, filled with #3366cc; encoded with libwebp 1.2.4
     * ({@code convert -size 16x8 xc:'#3366cc' -quality 80 l.webp}).
     */
    private static final byte[] LOSSY_WEBP_16X8 = bytes(
            0x52, 0x49, 0x46, 0x46, 0x3a, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50,
            0x56, 0x50, 0x38, 0x20, 0x2e, 0x00, 0x00, 0x00, 0xd0, 0x01, 0x00, 0x9d,
            0x01, 0x2a, 0x10, 0x00, 0x08, 0x00, 0x01, 0x40, 0x26, 0x25, 0xa0, 0x02,
            0x74, 0xba, 0x01, 0xf8, 0x00, 0x03, 0xb0, 0x00, 0xfe, 0xee, 0x76, 0x7f,
            0xfe, 0xad, 0x0f, 0x96, 0x87, 0xcb, 0x43, 0xf7, 0x3e, 0xff, 0xe4, 0x16,
            0x95, 0xcb, 0x77, 0x60, 0x00, 0x00);

    private final TwelveMonkeysImageProcessor processor = new TwelveMonkeysImageProcessor();

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
        assertEquals("The file is not an image Gallerist can read (JPEG, PNG, GIF, BMP, WebP).", e.getMessage());
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
        // The stored pixels are landscape; the header says so too.
        assertEquals(new Inspection("jpeg", 400, 200), processor.inspect(file, FIFTY_MEGAPIXELS));

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
    void componentIsRegisteredByDeclarativeServices() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        assertNotNull(context, "the imaging bundle is started");
        ServiceTracker<ImageProcessor, ImageProcessor> tracker = new ServiceTracker<>(context, ImageProcessor.class, null);
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

    // --- helpers --------------------------------------------------------------------------------------------------

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    /** Horizontal gray ramp, dark on the left, with a coloured diagonal so formats have something to compress. */
    static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = x * 255 / Math.max(1, width - 1);
                image.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 60, 60));
        g.drawLine(0, 0, width - 1, height - 1);
        g.dispose();
        return image;
    }

    /** Random pixels: they barely compress, so truncation cuts deep into the pixel data. */
    private static BufferedImage noise(int width, int height) {
        Random random = new Random(42);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    static BufferedImage leftRedRightBlue(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    static Path write(BufferedImage image, String format, Path file) throws IOException {
        assertTrue(ImageIO.write(image, format, file.toFile()), "the JDK writes " + format);
        return file;
    }

    private static byte[] jpegBytes(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, "jpeg", out));
        return out.toByteArray();
    }

    /** A JPEG of the image with an Exif APP1 segment (one IFD entry: Orientation) right after the JFIF APP0. */
    static byte[] withOrientation(BufferedImage image, int orientation) throws IOException {
        byte[] jpeg = jpegBytes(image);
        ByteBuffer tiff = ByteBuffer.allocate(26); // big-endian ("MM"), as ByteBuffer is by default
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8); // header, IFD0 at offset 8
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // Orientation, SHORT, count 1
        tiff.putShort((short) orientation).putShort((short) 0); // value, left-justified in 4 bytes
        tiff.putInt(0); // no next IFD
        byte[] exifId = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exifId.length + tiff.capacity();
        ByteBuffer app1 = ByteBuffer.allocate(2 + length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(exifId).put(tiff.array());

        assertEquals(0xFFD8, ((jpeg[0] & 0xFF) << 8) | (jpeg[1] & 0xFF), "SOI");
        int insertAt = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) { // after JFIF APP0
            insertAt = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, insertAt);
        out.write(app1.array());
        out.write(jpeg, insertAt, jpeg.length - insertAt);
        return out.toByteArray();
    }

    /** PNG signature plus an IHDR chunk (8-bit RGB) with a correct CRC, and nothing else. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }

    static BufferedImage jpeg(byte[] bytes) throws IOException {
        assertTrue(bytes.length > 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8, "a JPEG");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertTrue(image != null, "the rendition decodes");
        return image;
    }

    static void assertSize(int width, int height, byte[] jpeg) throws IOException {
        BufferedImage image = jpeg(jpeg);
        assertEquals(width + "×" + height, image.getWidth() + "×" + image.getHeight());
    }

    private static int brightness(int rgb) {
        Color c = new Color(rgb);
        return (c.getRed() + c.getGreen() + c.getBlue()) / 3;
    }

    static void assertClose(Color expected, Color actual, int tolerance) {
        assertTrue(Math.abs(expected.getRed() - actual.getRed()) <= tolerance
                && Math.abs(expected.getGreen() - actual.getGreen()) <= tolerance
                && Math.abs(expected.getBlue() - actual.getBlue()) <= tolerance,
                "expected about " + expected + " but was " + actual);
    }

    private static int[] pixels(BufferedImage image) {
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] &= 0xFFFFFF;
        }
        return rgb;
    }
}
