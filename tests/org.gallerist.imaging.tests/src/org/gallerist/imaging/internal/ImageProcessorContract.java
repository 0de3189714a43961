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
 * formats and rejections; {@link RenditionContract} has sizes and orientation, robustness and the one-decode
 * {@code prepare} of an upload.
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
}
