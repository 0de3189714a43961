package org.gallerist.imaging.internal.shared;

import static org.gallerist.tests.harness.FixtureTools.make;
import static org.gallerist.tests.harness.FixtureTools.output;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.gallerist.api.image.ImageSize;
import org.gallerist.imaging.internal.VipsBackend;
import org.gallerist.spi.imaging.ImageProcessor;
import org.gallerist.spi.imaging.SharedOriginals;
import org.gallerist.tests.harness.HeifGrids;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The copy of an original that others receive, for every format: a photo tagged by exiftool with a location, camera,
 * serial number, owner, capture date, title, XMP edit history, IPTC keywords and a comment loses all of them, keeps
 * its orientation, and decodes to exactly the same pixels as the original.
 */
class SharedOriginalsTest {

    /** What exiftool writes, and what must not come out again (each value is unique to this test). */
    private static final List<String> PERSONAL = List.of("48.858", "Gallerist Roe", "SN-7731-GALL", "Canon-Gallerist",
            "Gallerist R5", "2024:05:01 10:11:12", "Gallerist title", "xmp.did:gallerist-4711", "Gallerist-keyword",
            "Gallerist comment");

    private final SharedOriginals shared = new SharedOriginalsComponent();
    private final ImageProcessor processor = VipsBackend.registered();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png", "webp", "gif", "tif", "heic", "tiles.heic", "avif"})
    void othersGetThePixelsAndTheOrientationWithoutThePersonalMetadata(String extension) throws Exception {
        Path original = tagged(picture(extension));
        String before = output("exiftool", "-a", "-G1", "-s", "-n", original.toString());
        for (String value : PERSONAL.subList(0, 3)) {
            assertTrue(before.contains(value), "the fixture carries " + value + ": " + before);
        }

        Path copy = copy(original, format(extension));

        String after = output("exiftool", "-a", "-G1", "-s", "-n", copy.toString());
        for (String value : PERSONAL) {
            assertFalse(after.contains(value), value + " reached others in the " + extension + " copy: " + after);
        }
        assertFalse(after.contains("[GPS]"), after);
        assertArrayEquals(processor.render(original, ImageSize.PREVIEW), processor.render(copy, ImageSize.PREVIEW),
                "the same pixels, the same way up");
        if (before.contains("Orientation") && !extension.endsWith("heic") && !extension.equals("avif")) {
            assertTrue(after.contains("Orientation"), "the orientation stays: " + after);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png"})
    void anOriginalWithoutMetadataIsCopiedAsItIs(String extension) throws Exception {
        Path original = picture(extension);
        Path copy = copy(original, format(extension));
        assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jxl"})
    void jpegXlLosesItsMetadataBoxes(String extension) throws Exception {
        Path bare = picture(extension);
        byte[] codestream = Files.readAllBytes(bare);
        assertEquals(0xFF, codestream[0] & 0xFF, "vips writes a bare codestream");
        byte[] exif = ("\0\0\0\0" + "Exif with " + PERSONAL.get(0)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] xmp = ("<x:xmpmeta>" + PERSONAL.get(6) + "</x:xmpmeta>").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream container = new ByteArrayOutputStream();
        container.write(new byte[] {0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A});
        container.write(box("ftyp", "jxl \0\0\0\0jxl ".getBytes(StandardCharsets.ISO_8859_1)));
        container.write(box("Exif", exif));
        container.write(box("xml ", xmp));
        container.write(box("jxlc", codestream));
        Path original = Files.write(dir.resolve("boxed.jxl"), container.toByteArray());

        Path copy = copy(original, "jxl");
        String bytes = new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains(PERSONAL.get(0)) || bytes.contains(PERSONAL.get(6)), "the metadata boxes went");
        assertArrayEquals(processor.render(bare, ImageSize.PREVIEW), processor.render(copy, ImageSize.PREVIEW));
    }

    private Path copy(Path original, String format) throws IOException {
        Path copy = dir.resolve("copy-" + original.getFileName());
        try (InputStream in = shared.open(format, () -> Files.newInputStream(original))) {
            Files.copy(in, copy);
        }
        return copy;
    }

    private Path tagged(Path file) throws Exception {
        List<String> command = new ArrayList<>(List.of("exiftool", "-q", "-m", "-overwrite_original",
                "-GPSLatitude=48.8583", "-GPSLatitudeRef=N", "-GPSLongitude=2.2945", "-GPSLongitudeRef=E",
                "-SerialNumber=" + PERSONAL.get(2), "-OwnerName=" + PERSONAL.get(1), "-Artist=" + PERSONAL.get(1),
                "-Make=" + PERSONAL.get(3), "-Model=" + PERSONAL.get(4), "-DateTimeOriginal=" + PERSONAL.get(5),
                "-XMP-dc:Title=" + PERSONAL.get(6), "-XMP-xmpMM:DocumentID=" + PERSONAL.get(7),
                "-XMP-xmpMM:HistoryAction=saved", "-XMP-xmpMM:HistoryInstanceID=" + PERSONAL.get(7),
                "-XMP-dc:Subject=" + PERSONAL.get(8), "-Comment=" + PERSONAL.get(9)));
        if (file.toString().endsWith(".jpg")) {
            command.add("-IPTC:Keywords=" + PERSONAL.get(8));
        }
        if (file.toString().endsWith(".jpg") || file.toString().endsWith(".tif")) {
            command.add("-Orientation#=6");
        }
        command.add(file.toString());
        output(command.toArray(String[]::new));
        return file;
    }

    /** A landscape gradient in the format of {@code extension}, with no metadata yet. */
    private Path picture(String extension) throws Exception {
        BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, 480, 320, Color.BLUE));
        g.fillRect(0, 0, 480, 320);
        g.dispose();
        Path png = dir.resolve("picture.png");
        ImageIO.write(image, "png", png.toFile());
        Path out = dir.resolve("picture." + extension);
        return switch (extension) {
        case "png" -> png;
        case "jpg" -> make(out, "convert", png.toString(), "-quality", "90", out.toString());
        case "webp" -> make(out, "cwebp", "-quiet", "-q", "90", png.toString(), "-o", out.toString());
        case "gif", "tif" -> make(out, "convert", png.toString(), out.toString());
        case "heic" -> make(out, "heif-enc", "-q", "80", "-o", out.toString(), png.toString());
        case "tiles.heic" -> Files.write(out, HeifGrids.heic(dir, Files.readAllBytes(make(dir.resolve("tiles.jpg"),
                "convert", png.toString(), "-quality", "95", dir.resolve("tiles.jpg").toString())), 480, 320, 256, 80));
        case "avif" -> make(out, "heif-enc", "-A", "-q", "80", "-o", out.toString(), png.toString());
        default -> make(out, "vips", "copy", png.toString(), out.toString());
        };
    }

    private static String format(String extension) {
        return switch (extension) {
        case "jpg" -> "jpeg";
        case "tif" -> "tiff";
        case "tiles.heic" -> "heic";
        default -> extension;
        };
    }

    private static byte[] box(String type, byte[] data) {
        return ByteBuffer.allocate(8 + data.length).putInt(8 + data.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data).array();
    }
}
