package org.gallerist.imaging.internal;

import static org.gallerist.imaging.internal.ImageFixtures.jpeg;
import static org.gallerist.imaging.internal.ImageFixtures.leftRedRightBlue;
import static org.gallerist.imaging.internal.ImageFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.ImageSize;
import org.gallerist.spi.imaging.ImageProcessor;
import org.gallerist.spi.imaging.ImageProcessor.Inspection;
import org.gallerist.spi.imaging.ImageProcessor.Prepared;
import org.gallerist.tests.harness.DngFiles;
import org.gallerist.tests.harness.OtherRawFiles;
import org.gallerist.tests.harness.RawFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camera raw files, laid out in Java as each maker's cameras write them around a JPEG drawn here: each is shown by its
 * full-size JPEG, turned by the orientation its container (or the JPEG) gives, with the camera read from it.
 */
abstract class RawFormatContract {

    static final long FIFTY_MEGAPIXELS = 50_000_000L;

    protected final ImageProcessor processor = processor();

    @TempDir
    Path dir;

    protected abstract ImageProcessor processor();

    @Test
    void aDngIsShownByItsFullSizePreviewTurnedByItsOrientation() throws Exception {
        byte[] preview = Files.readAllBytes(write(leftRedRightBlue(400, 200), "jpeg", dir.resolve("preview")));
        Path dng = Files.write(dir.resolve("photo.dng"), DngFiles.dng(preview, 400, 200, 6, "Canon", "Canon EOS R5"));

        assertTrue(processor.formats().contains("dng"), processor.formats().toString());
        assertEquals(new Inspection("dng", 200, 400, 1), processor.inspect(dng, FIFTY_MEGAPIXELS));
        Prepared prepared = processor.prepare(dng, FIFTY_MEGAPIXELS, 128);
        assertEquals(new Inspection("dng", 200, 400, 1), prepared.inspection());
        BufferedImage thumb = jpeg(prepared.thumb());
        assertEquals(128 + "×" + 256, thumb.getWidth() + "×" + thumb.getHeight(),
                "the preview, not the 2×2 thumbnail");
        ImageFixtures.assertClose(Color.RED, new Color(thumb.getRGB(64, 20)), 40); // turned 90° clockwise
        ImageFixtures.assertClose(Color.BLUE, new Color(thumb.getRGB(64, 236)), 40);
        assertEquals("Canon EOS R5", processor.metadata(dng).photo().cameraModel());
    }

    @Test
    void aNefAndACr2AreShownByTheirFullSizePreview() throws Exception {
        byte[] preview = Files.readAllBytes(write(leftRedRightBlue(400, 200), "jpeg", dir.resolve("preview")));
        byte[] small = Files.readAllBytes(write(leftRedRightBlue(160, 120), "jpeg", dir.resolve("small")));
        Path nef = Files.write(dir.resolve("photo.nef"), RawFiles.nef(preview, 8, "NIKON Z 6_2"));
        Path cr2 = Files.write(dir.resolve("photo.cr2"),
                RawFiles.cr2(preview, 400, 200, small, 1, "Canon EOS 5D Mark IV"));

        assertTrue(processor.formats().containsAll(java.util.List.of("cr2", "nef", "arw")),
                processor.formats().toString());
        assertEquals(new Inspection("nef", 200, 400, 1), processor.inspect(nef, FIFTY_MEGAPIXELS));
        BufferedImage turned = jpeg(processor.render(nef, ImageSize.THUMB));
        assertEquals(128 + "×" + 256, turned.getWidth() + "×" + turned.getHeight(), "not the 2×2 thumbnail");
        ImageFixtures.assertClose(Color.BLUE, new Color(turned.getRGB(64, 20)), 40); // turned 90° anticlockwise
        ImageFixtures.assertClose(Color.RED, new Color(turned.getRGB(64, 236)), 40);
        assertEquals("NIKON Z 6_2", processor.metadata(nef).photo().cameraModel());

        assertEquals(new Inspection("cr2", 400, 200, 1), processor.inspect(cr2, FIFTY_MEGAPIXELS),
                "the preview: not the thumbnail, nor the sensor data (a lossless JPEG of four times the pixels)");
        Prepared prepared = processor.prepare(cr2, FIFTY_MEGAPIXELS, 128);
        assertEquals(256 + "×" + 128, jpeg(prepared.thumb()).getWidth() + "×" + jpeg(prepared.thumb()).getHeight());
        assertEquals("Canon EOS 5D Mark IV", processor.metadata(cr2).photo().cameraModel());
    }

    @Test
    void aDngWithoutAPreviewIsUnsupportedAndSaysWhy() throws Exception {
        Path raw = Files.write(dir.resolve("raw.dng"), DngFiles.dng(null, 0, 0, 1, "Canon", "Canon EOS R5"));
        GalleristException refused = assertThrows(GalleristException.class,
                () -> processor.prepare(raw, FIFTY_MEGAPIXELS));
        assertEquals(ErrorCode.UNSUPPORTED_FORMAT, refused.code(), refused.getMessage());
        assertEquals(Map.of("format", "dng"), refused.details());
        assertTrue(refused.getMessage().contains("preview"), refused.getMessage());
    }

    @Test
    void aCr3ARafAnOrfAndARw2AreShownByTheirFullSizeJpegTurnedUpright() throws Exception {
        byte[] preview = Files.readAllBytes(write(leftRedRightBlue(400, 200), "jpeg", dir.resolve("preview")));
        byte[] small = Files.readAllBytes(write(leftRedRightBlue(160, 120), "jpeg", dir.resolve("small")));
        Map<String, byte[]> files = Map.of(
                "cr3", OtherRawFiles.cr3(preview, small, 6, "Canon EOS R6", "Harbour at dawn"),
                "raf", OtherRawFiles.raf(OtherRawFiles.withExif(preview, "FUJIFILM", "X-T4", 6), "X-T4"),
                "orf", OtherRawFiles.orf(preview, 6, "E-M1MarkIII", false),
                "rw2", OtherRawFiles.rw2(preview, 6, "DC-G9"));
        Map<String, String> cameras = Map.of("cr3", "Canon EOS R6", "raf", "X-T4", "orf", "E-M1MarkIII",
                "rw2", "DC-G9");

        assertTrue(processor.formats().containsAll(List.of("cr3", "raf", "orf", "rw2")),
                processor.formats().toString());
        for (String format : List.of("cr3", "raf", "orf", "rw2")) {
            Path file = Files.write(dir.resolve("photo." + format), files.get(format));
            assertEquals(new Inspection(format, 200, 400, 1), processor.inspect(file, FIFTY_MEGAPIXELS),
                    format + ": the full-size JPEG, turned (not the second track's small one)");
            Prepared prepared = processor.prepare(file, FIFTY_MEGAPIXELS, 128);
            BufferedImage thumb = jpeg(prepared.thumb());
            assertEquals(128 + "×" + 256, thumb.getWidth() + "×" + thumb.getHeight(), format);
            ImageFixtures.assertClose(Color.RED, new Color(thumb.getRGB(64, 20)), 40); // turned 90° clockwise
            ImageFixtures.assertClose(Color.BLUE, new Color(thumb.getRGB(64, 236)), 40);
            assertEquals(cameras.get(format), processor.metadata(file).photo().cameraModel(), format);
        }
        assertEquals("Harbour at dawn", processor.metadata(dir.resolve("photo.cr3")).title(),
                "the CR3's XMP box gives the name");
        Path omSystem = Files.write(dir.resolve("om.orf"), OtherRawFiles.orf(preview, 1, "OM-1", true));
        assertEquals(new Inspection("orf", 400, 200, 1), processor.inspect(omSystem, FIFTY_MEGAPIXELS));
    }

    @Test
    void aDamagedOrPreviewlessRawOfTheseMakersGetsAClearError() throws Exception {
        byte[] preview = Files.readAllBytes(write(leftRedRightBlue(400, 200), "jpeg", dir.resolve("preview")));
        byte[] cr3 = OtherRawFiles.cr3(preview, preview, 1, "Canon EOS R6", null);
        byte[] raf = OtherRawFiles.raf(preview, "X-T4");
        byte[] orf = OtherRawFiles.orf(preview, 1, "E-M1MarkIII", false);
        byte[] rw2 = OtherRawFiles.rw2(preview, 1, "DC-G9");
        Map<String, byte[]> damaged = Map.of(
                "cr3 without its media data", Arrays.copyOf(cr3, cr3.length - preview.length * 2),
                "raf cut inside the JPEG", Arrays.copyOf(raf, raf.length / 2),
                "orf whose maker note is cut", Arrays.copyOf(orf, 200),
                "rw2 cut inside the JPEG", Arrays.copyOf(rw2, rw2.length - 100),
                "raf naming a JPEG outside the file", corruptedAt(raf, 84, 0x7F));
        for (Map.Entry<String, byte[]> file : damaged.entrySet()) {
            Path path = Files.write(dir.resolve("bad"), file.getValue());
            GalleristException refused = assertThrows(GalleristException.class,
                    () -> processor.prepare(path, FIFTY_MEGAPIXELS), file.getKey());
            assertTrue(List.of(ErrorCode.UNSUPPORTED_FORMAT, ErrorCode.CORRUPT_IMAGE).contains(refused.code()),
                    file.getKey() + ": " + refused.code() + " " + refused.getMessage());
        }
    }

    private static byte[] corruptedAt(byte[] file, int at, int value) {
        byte[] copy = file.clone();
        copy[at] = (byte) value;
        return copy;
    }
}
