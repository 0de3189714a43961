package org.gallerist.imaging.internal;

import static org.gallerist.imaging.internal.ImageFixtures.brightness;
import static org.gallerist.imaging.internal.ImageFixtures.gradient;
import static org.gallerist.imaging.internal.ImageFixtures.jpeg;
import static org.gallerist.imaging.internal.ImageFixtures.leftRedRightBlue;
import static org.gallerist.imaging.internal.ImageFixtures.meanDifference;
import static org.gallerist.imaging.internal.ImageFixtures.write;
import static org.gallerist.tests.harness.FixtureTools.make;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.ImageSize;
import org.gallerist.spi.imaging.ImageProcessor;
import org.gallerist.spi.imaging.ImageProcessor.Inspection;
import org.gallerist.spi.imaging.ImageProcessor.Prepared;
import org.gallerist.tests.harness.FixtureTools;
import org.gallerist.tests.harness.HeifGrids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The formats beyond those the JDK writes, made at test time by ImageMagick, libheif's {@code heif-enc} and libvips'
 * {@code vips} from pictures drawn here: TIFF in its compressions, depths, CMYK, several pages and a rotation; HEIC,
 * AVIF and JPEG XL, which a backend either reads or refuses as {@code unsupported_format} with the package to add.
 */
abstract class FormatContract {

    static final long FIFTY_MEGAPIXELS = 50_000_000L;

    protected final ImageProcessor processor = processor();

    @TempDir
    Path dir;

    protected abstract ImageProcessor processor();

    /** Whether HEIC, AVIF and JPEG XL are decoded here; if not, they must be refused as {@code unsupported_format}. */
    protected abstract boolean readsNativeOnlyFormats();

    private Path source(BufferedImage picture, String name) throws IOException {
        return write(picture, "png", dir.resolve(name + ".png"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LZW", "Zip", "RLE", "None"}) // RLE is what ImageMagick calls TIFF's PackBits
    void tiffInEveryCommonCompression(String compression) throws Exception {
        Path tiff = make(dir.resolve("gradient.tif"), "convert", source(gradient(640, 480), "gradient").toString(),
                "-compress", compression, dir.resolve("gradient.tif").toString());

        assertEquals(new Inspection("tiff", 640, 480, 1), processor.inspect(tiff, FIFTY_MEGAPIXELS));
        BufferedImage thumb = jpeg(processor.render(tiff, ImageSize.THUMB));
        assertEquals(256 + "×" + 192, thumb.getWidth() + "×" + thumb.getHeight());
        assertTrue(brightness(thumb.getRGB(5, 96)) < 60, "left is dark");
        assertTrue(brightness(thumb.getRGB(250, 96)) > 190, "right is light");
    }

    @Test
    void sixteenBitTiffLooksLikeItsEightBitSource() throws Exception {
        Path png = source(gradient(640, 480), "gradient");
        Path deep = make(dir.resolve("deep.tif"), "convert", png.toString(), "-depth", "16", "-compress", "Zip",
                dir.resolve("deep.tif").toString());

        assertEquals(new Inspection("tiff", 640, 480, 1), processor.inspect(deep, FIFTY_MEGAPIXELS));
        double difference = meanDifference(jpeg(processor.render(deep, ImageSize.THUMB)),
                jpeg(processor.render(png, ImageSize.THUMB)));
        assertTrue(difference < 3, "16-bit and 8-bit renditions differ by " + difference + " levels on average");
    }

    @Test
    void cmykTiffKeepsItsColours() throws Exception {
        Path cmyk = make(dir.resolve("cmyk.tif"), "convert", source(leftRedRightBlue(400, 200), "rb").toString(),
                "-colorspace", "CMYK", "-compress", "LZW", dir.resolve("cmyk.tif").toString());

        assertEquals(new Inspection("tiff", 400, 200, 1), processor.inspect(cmyk, FIFTY_MEGAPIXELS));
        BufferedImage thumb = jpeg(processor.render(cmyk, ImageSize.THUMB));
        Color left = new Color(thumb.getRGB(30, 64));
        Color right = new Color(thumb.getRGB(226, 64));
        assertTrue(left.getRed() > left.getGreen() + 80 && left.getRed() > left.getBlue() + 80, "red: " + left);
        assertTrue(right.getBlue() > right.getRed() + 40 && right.getBlue() > right.getGreen() + 40, "blue: " + right);
    }

    @Test
    void multiPageTiffShowsItsFirstPageAndCountsThem() throws Exception {
        Path red = source(filled(300, 200, Color.RED), "red");
        Path green = source(filled(120, 120, Color.GREEN), "green");
        Path blue = source(filled(60, 90, Color.BLUE), "blue");
        Path pages = make(dir.resolve("pages.tif"), "convert", red.toString(), green.toString(), blue.toString(),
                "-compress", "LZW", dir.resolve("pages.tif").toString());

        assertEquals(new Inspection("tiff", 300, 200, 3), processor.inspect(pages, FIFTY_MEGAPIXELS));
        Prepared prepared = processor.prepare(pages, FIFTY_MEGAPIXELS);
        assertEquals(3, prepared.inspection().pages());
        BufferedImage thumb = jpeg(prepared.thumb());
        assertEquals(256 + "×" + 171, thumb.getWidth() + "×" + thumb.getHeight());
        ImageFixtures.assertClose(Color.RED, new Color(thumb.getRGB(128, 85)), 40);
    }

    @Test
    void rotatedTiffReportsAndRendersItsDisplayedSize() throws Exception {
        Path tiff = make(dir.resolve("turned.tif"), "convert", source(leftRedRightBlue(400, 200), "rb").toString(),
                "-orient", "RightTop", "-compress", "LZW", dir.resolve("turned.tif").toString());

        assertEquals(new Inspection("tiff", 200, 400, 1), processor.inspect(tiff, FIFTY_MEGAPIXELS));
        BufferedImage thumb = jpeg(processor.render(tiff, ImageSize.THUMB));
        assertEquals(128 + "×" + 256, thumb.getWidth() + "×" + thumb.getHeight());
        ImageFixtures.assertClose(Color.RED, new Color(thumb.getRGB(64, 20)), 40); // turned 90° clockwise
        ImageFixtures.assertClose(Color.BLUE, new Color(thumb.getRGB(64, 236)), 40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "webp"})
    void pngAndWebpTurnedByTheirExifAreShownTurned(String format) throws Exception {
        Path png = source(leftRedRightBlue(400, 200), "rb-" + format);
        Path file = format.equals("png") ? png : make(dir.resolve("rb.webp"), "cwebp", "-quiet", "-lossless",
                png.toString(), "-o", dir.resolve("rb.webp").toString());
        make(file, "exiftool", "-q", "-m", "-overwrite_original", "-Orientation#=6", file.toString());

        assertEquals(new Inspection(format, 200, 400, 1), processor.inspect(file, FIFTY_MEGAPIXELS));
        BufferedImage thumb = jpeg(processor.prepare(file, FIFTY_MEGAPIXELS).thumb());
        assertEquals(128 + "×" + 256, thumb.getWidth() + "×" + thumb.getHeight());
        ImageFixtures.assertClose(Color.RED, new Color(thumb.getRGB(64, 20)), 40); // turned 90° clockwise
        ImageFixtures.assertClose(Color.BLUE, new Color(thumb.getRGB(64, 236)), 40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heic", "avif", "jxl"})
    void heicAvifAndJpegXlAreReadOrNamedWithTheirPackage(String format) throws Exception {
        Path file = nativeOnly(format, source(gradient(640, 480), "gradient"));

        if (!readsNativeOnlyFormats()) {
            GalleristException refused = assertThrows(GalleristException.class,
                    () -> processor.inspect(file, FIFTY_MEGAPIXELS));
            assertEquals(ErrorCode.UNSUPPORTED_FORMAT, refused.code(), refused.getMessage());
            assertEquals(Map.of("format", format, "package", "libvips42"), refused.details());
            assertTrue(refused.getMessage().contains("libvips42"), refused.getMessage());
            assertThrows(GalleristException.class, () -> processor.prepare(file, FIFTY_MEGAPIXELS));
            assertTrue(!processor.formats().contains(format), processor.formats().toString());
            return;
        }
        assertTrue(processor.formats().contains(format), processor.formats().toString());
        assertEquals(new Inspection(format, 640, 480, 1), processor.inspect(file, FIFTY_MEGAPIXELS));
        Prepared prepared = processor.prepare(file, FIFTY_MEGAPIXELS, 256);
        BufferedImage thumb = jpeg(prepared.thumb());
        assertEquals(256 + "×" + 192, thumb.getWidth() + "×" + thumb.getHeight());
        assertTrue(brightness(thumb.getRGB(5, 96)) < 60, "left is dark");
        assertTrue(brightness(thumb.getRGB(250, 96)) > 190, "right is light");
        assertNotNull(prepared.analysis(), "the embedder's input comes from the same decode");
        int shortSide = Math.min(prepared.analysis().getWidth(), prepared.analysis().getHeight());
        assertTrue(shortSide >= 256 && shortSide <= 258, "the analysis image's short side is " + shortSide);
    }

    /** As phones write them: the picture is a grid of HEVC tiles, the last column and row cropped. */
    @Test
    void aPhoneHeicInTilesIsReadAsOnePicture() throws Exception {
        FixtureTools.require("convert");
        FixtureTools.require("heif-enc");
        BufferedImage picture = gradient(700, 500);
        Path file = Files.write(dir.resolve("tiles.heic"),
                HeifGrids.heic(dir, ImageFixtures.jpegBytes(picture), 700, 500, 256, 90));

        if (!readsNativeOnlyFormats()) {
            GalleristException refused = assertThrows(GalleristException.class,
                    () -> processor.inspect(file, FIFTY_MEGAPIXELS));
            assertEquals(ErrorCode.UNSUPPORTED_FORMAT, refused.code(), refused.getMessage());
            return;
        }
        assertEquals(new Inspection("heic", 700, 500, 1), processor.inspect(file, FIFTY_MEGAPIXELS));
        Path png = source(picture, "tiles-source");
        double difference = meanDifference(jpeg(processor.render(file, ImageSize.THUMB)),
                jpeg(processor.render(png, ImageSize.THUMB)));
        assertTrue(difference <= 8, "the tiles' thumbnail differs from its source's by " + difference + " levels");
    }

    @ParameterizedTest
    @ValueSource(strings = {"heic", "avif"})
    void truncatedHeifIsCorruptWhereItIsRead(String format) throws Exception {
        Path whole = nativeOnly(format, source(ImageFixtures.noise(640, 480), "noise"));
        byte[] content = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated." + format),
                Arrays.copyOf(content, content.length * 2 / 3));

        GalleristException refused = assertThrows(GalleristException.class,
                () -> processor.prepare(truncated, FIFTY_MEGAPIXELS));
        assertEquals(readsNativeOnlyFormats() ? ErrorCode.CORRUPT_IMAGE : ErrorCode.UNSUPPORTED_FORMAT,
                refused.code(), refused.getMessage());
    }

    @Test
    void aTiffWhoseDirectoriesLoopCountsEachPageOnce() throws Exception {
        Path loop = Files.write(dir.resolve("loop.tif"), TiffChains.chain(3, true));
        assertEquals(new Inspection("tiff", 2, 2, 3), processor.inspect(loop, FIFTY_MEGAPIXELS));
        assertEquals(3, processor.prepare(loop, FIFTY_MEGAPIXELS).inspection().pages());
    }

    @Test
    void aTiffOfTenThousandPagesShowsTheFirstAndCountsThem() throws Exception {
        Path pages = Files.write(dir.resolve("pages.tif"), TiffChains.chain(10_000, false));
        Prepared prepared = processor.prepare(pages, FIFTY_MEGAPIXELS);
        assertEquals(new Inspection("tiff", 2, 2, 10_000), prepared.inspection());
        assertEquals(2, jpeg(prepared.thumb()).getWidth());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4}) // cut to a half, a third, a quarter
    void aTruncatedTiffIsCorrupt(int divisor) throws Exception {
        Path whole = make(dir.resolve("whole.tif"), "convert", source(ImageFixtures.noise(400, 300), "noise")
                .toString(), "-compress", "LZW", dir.resolve("whole.tif").toString());
        byte[] content = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.tif"), Arrays.copyOf(content, content.length / divisor));

        GalleristException refused = assertThrows(GalleristException.class,
                () -> processor.prepare(truncated, FIFTY_MEGAPIXELS));
        assertEquals(ErrorCode.CORRUPT_IMAGE, refused.code(), refused.getMessage());
    }

    @Test
    void theFormatListNamesTiff() {
        assertTrue(processor.formats().containsAll(java.util.List.of("jpeg", "png", "gif", "bmp", "webp", "tiff")),
                processor.formats().toString());
    }

    private Path nativeOnly(String format, Path png) throws Exception {
        Path out = dir.resolve(png.getFileName() + "." + format);
        return switch (format) {
        case "heic" -> make(out, "heif-enc", "-q", "90", "-o", out.toString(), png.toString());
        case "avif" -> make(out, "heif-enc", "-A", "-q", "90", "-o", out.toString(), png.toString());
        default -> make(out, "vips", "copy", png.toString(), out.toString());
        };
    }

    private static BufferedImage filled(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }
}
