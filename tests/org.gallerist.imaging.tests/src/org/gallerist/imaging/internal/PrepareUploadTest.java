package org.gallerist.imaging.internal;

import static org.gallerist.imaging.internal.TwelveMonkeysImageProcessorTest.assertClose;
import static org.gallerist.imaging.internal.TwelveMonkeysImageProcessorTest.assertSize;
import static org.gallerist.imaging.internal.TwelveMonkeysImageProcessorTest.gradient;
import static org.gallerist.imaging.internal.TwelveMonkeysImageProcessorTest.jpeg;
import static org.gallerist.imaging.internal.TwelveMonkeysImageProcessorTest.leftRedRightBlue;
import static org.gallerist.imaging.internal.TwelveMonkeysImageProcessorTest.withOrientation;
import static org.gallerist.imaging.internal.TwelveMonkeysImageProcessorTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.ImageSize;
import org.gallerist.spi.imaging.ImageProcessor.Inspection;
import org.gallerist.spi.imaging.ImageProcessor.Prepared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prepare}, the one-decode path of an upload, gives what {@code inspect} and {@code render} give apart. */
class PrepareUploadTest {

    private final TwelveMonkeysImageProcessor processor = new TwelveMonkeysImageProcessor();

    @TempDir
    Path dir;

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
    void theLimitsAndDamageChecksOfInspectHoldToo() throws IOException {
        Path square = write(gradient(100, 100), "png", dir.resolve("square"));
        assertEquals(ErrorCode.TOO_LARGE, assertThrows(GalleristException.class,
                () -> processor.prepare(square, 9_999)).code());
        byte[] whole = Files.readAllBytes(write(gradient(300, 200), "jpeg", dir.resolve("whole")));
        Path truncated = Files.write(dir.resolve("truncated.jpg"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertEquals(ErrorCode.CORRUPT_IMAGE, assertThrows(GalleristException.class,
                () -> processor.prepare(truncated, 50_000_000L)).code());
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image at all");
        assertEquals(ErrorCode.NOT_AN_IMAGE, assertThrows(GalleristException.class,
                () -> processor.prepare(text, 50_000_000L)).code());
    }
}
