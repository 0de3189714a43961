package org.gallerist.imaging.internal.metadata;

import static org.gallerist.tests.harness.FixtureTools.make;
import static org.gallerist.tests.harness.FixtureTools.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.gallerist.api.image.PhotoFacts;
import org.gallerist.imaging.internal.TwelveMonkeysImageProcessor;
import org.gallerist.imaging.internal.VipsBackend;
import org.gallerist.spi.imaging.EmbeddedMetadata;
import org.gallerist.spi.imaging.ImageProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a file says about itself, as both backends read it: exiftool writes XMP words and a camera's EXIF into every
 * format that carries them; IPTC-only JPEGs, files without metadata and hostile XMP are read too.
 */
class EmbeddedMetadataTest {

    private static final PhotoFacts CAMERA = new PhotoFacts("2024-05-01T06:12:13+02:00", "Fujifilm", "X-T5",
            "XF35mmF1.4 R", "1/250 s", "f/2.8", "35 mm", 400);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png", "webp", "tif", "heic", "avif"})
    void theLibvipsBackendReadsWordsAndCameraOfEveryFormat(String extension) throws Exception {
        assertReadsEverything(VipsBackend.registered(), tagged(picture(extension)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png", "webp", "tif"})
    void theJavaBackendReadsWordsAndCameraOfItsFormats(String extension) throws Exception {
        assertReadsEverything(new TwelveMonkeysImageProcessor(), tagged(picture(extension)));
    }

    @Test
    void iptcGivesTheWordsWhereThereIsNoXmp() throws Exception {
        Path jpeg = picture("jpg");
        output("exiftool", "-q", "-m", "-overwrite_original", "-IPTC:ObjectName=Old mill",
                "-IPTC:Caption-Abstract=The mill in winter", "-IPTC:Keywords=mill", "-IPTC:Keywords=Winter",
                "-IPTC:Keywords=Places|Europe|Belgium", jpeg.toString());
        EmbeddedMetadata read = new TwelveMonkeysImageProcessor().metadata(jpeg);
        assertEquals("Old mill", read.title());
        assertEquals("The mill in winter", read.description());
        assertEquals(List.of("mill", "Winter", "Places|Europe|Belgium"), read.keywords());
        assertTrue(read.photo().isEmpty(), read.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png", "tif"})
    void aFileWithoutMetadataSaysNothing(String extension) throws Exception {
        EmbeddedMetadata read = new TwelveMonkeysImageProcessor().metadata(picture(extension));
        assertNull(read.title());
        assertNull(read.description());
        assertEquals(List.of(), read.keywords());
        assertTrue(read.photo().isEmpty(), read.toString());
    }

    @Test
    void xmpWithADoctypeIsIgnoredAndNothingIsFetched() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "Top secret title");
        String packet = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title><rdf:Alt>"
                + "<rdf:li xml:lang=\"x-default\">&e;</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF>"
                + "</x:xmpmeta>";
        Path jpeg = withSegment(picture("jpg"), 0xE1, "http://ns.adobe.com/xap/1.0/\0", packet);
        EmbeddedMetadata read = new TwelveMonkeysImageProcessor().metadata(jpeg);
        assertNull(read.title(), "a packet with a DOCTYPE is not read at all: " + read);
    }

    @Test
    void hundredsOfLargeMetadataSegmentsAreWalkedAndTheFirstOfEachKindIsRead() throws Exception {
        Path jpeg = picture("jpg");
        String decoy = "<x:xmpmeta>" + "decoy ".repeat(10_000) + "</x:xmpmeta>";
        for (int i = 0; i < 300; i++) {
            withSegment(jpeg, 0xE1, "http://ns.adobe.com/xap/1.0/\0", decoy);
        }
        String packet = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
                + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description"
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">"
                + "The first</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>";
        withSegment(jpeg, 0xE1, "http://ns.adobe.com/xap/1.0/\0", packet);
        assertTrue(Files.size(jpeg) > 18_000_000, "18 MB of metadata around a small picture");

        assertEquals("The first", new TwelveMonkeysImageProcessor().metadata(jpeg).title());
        assertEquals("The first", VipsBackend.registered().metadata(jpeg).title());
    }

    @Test
    void damagedBlocksNeverFailButGiveWhatTheOthersSay() throws Exception {
        Path jpeg = withSegment(picture("jpg"), 0xE1, "Exif\0\0", "MM\0*\0\0\0\u0008\u00ff\u00ff garbage");
        output("exiftool", "-q", "-m", "-overwrite_original", "-XMP-dc:Title=Still named", jpeg.toString());
        EmbeddedMetadata read = new TwelveMonkeysImageProcessor().metadata(jpeg);
        assertEquals("Still named", read.title());
        assertTrue(read.photo().isEmpty(), read.toString());
        Path junk = Files.write(dir.resolve("junk.bin"), "not an image at all".getBytes(StandardCharsets.US_ASCII));
        assertEquals(EmbeddedMetadata.NONE, new TwelveMonkeysImageProcessor().metadata(junk));
    }

    private static void assertReadsEverything(ImageProcessor processor, Path file) {
        EmbeddedMetadata read = processor.metadata(file);
        assertEquals("Harbour at dawn", read.title(), file + ": " + read);
        assertEquals("Boats in the fog", read.description(), file + ": " + read);
        assertEquals(List.of("harbour", "Fog & Mist"), read.keywords(), file + ": " + read);
        assertEquals(CAMERA, read.photo(), file + ": " + read);
    }

    private static Path tagged(Path file) throws Exception {
        output("exiftool", "-q", "-m", "-overwrite_original", "-XMP-dc:Title=Harbour at dawn",
                "-XMP-dc:Description=Boats in the fog", "-XMP-dc:Subject=harbour", "-XMP-dc:Subject=Fog & Mist",
                "-Make=Fujifilm", "-Model=X-T5", "-LensModel=XF35mmF1.4 R", "-DateTimeOriginal=2024:05:01 06:12:13",
                "-OffsetTimeOriginal=+02:00", "-ExposureTime=0.004", "-FNumber=2.8", "-FocalLength=35", "-ISO=400",
                file.toString());
        return file;
    }

    /** An 8-bit landscape gradient in the format of {@code extension}, with no metadata yet. */
    private Path picture(String extension) throws Exception {
        BufferedImage image = new BufferedImage(360, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, 360, 240, Color.BLUE));
        g.fillRect(0, 0, 360, 240);
        g.dispose();
        Path png = dir.resolve("picture-" + extension + ".png");
        ImageIO.write(image, "png", png.toFile());
        Path out = dir.resolve("picture." + extension);
        return switch (extension) {
        case "png" -> png;
        case "jpg" -> make(out, "convert", png.toString(), "-quality", "90", out.toString());
        case "webp" -> make(out, "cwebp", "-quiet", "-q", "90", png.toString(), "-o", out.toString());
        case "tif" -> make(out, "convert", png.toString(), out.toString());
        case "heic" -> make(out, "heif-enc", "-q", "80", "-o", out.toString(), png.toString());
        case "avif" -> make(out, "heif-enc", "-A", "-q", "80", "-o", out.toString(), png.toString());
        default -> throw new IllegalArgumentException(extension);
        };
    }

    /** The JPEG with one more APPn segment ({@code identifier} then {@code payload}) right after its SOI. */
    private static Path withSegment(Path jpeg, int marker, String identifier, String payload) throws Exception {
        byte[] original = Files.readAllBytes(jpeg);
        byte[] data = (identifier + payload).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(original, 0, 2);
        out.write(ByteBuffer.allocate(4).put((byte) 0xFF).put((byte) marker).putShort((short) (data.length + 2))
                .array());
        out.write(data);
        out.write(Arrays.copyOfRange(original, 2, original.length));
        return Files.write(jpeg, out.toByteArray());
    }
}
