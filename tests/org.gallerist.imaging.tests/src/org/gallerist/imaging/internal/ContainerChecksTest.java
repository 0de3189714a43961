package org.gallerist.imaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import javax.imageio.ImageIO;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.ImageSize;
import org.gallerist.tests.harness.HostileImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG chunk CRCs and the JPEG scan count, checked before any decoder runs. */
class ContainerChecksTest {

    private final TwelveMonkeysImageProcessor processor = new TwelveMonkeysImageProcessor();

    @TempDir
    Path dir;

    @Test
    void aPngWhoseImageDataNoLongerMatchesItsCrcIsCorruptBeforeAnyDecoderSeesIt() throws Exception {
        byte[] badCrc = HostileImages.pngWithBadIdatCrc(1, 120, 90);
        assertTrue(ImageIO.read(new ByteArrayInputStream(badCrc)) != null, "the JDK's reader ignores the CRC");
        for (byte[] damaged : new byte[][] { badCrc, HostileImages.pngWithFlippedIdatByte(1, 120, 90) }) {
            Path file = Files.write(dir.resolve("damaged.png"), damaged);
            for (org.junit.jupiter.api.function.Executable call : new org.junit.jupiter.api.function.Executable[] {
                    () -> processor.inspect(file, Long.MAX_VALUE), () -> processor.render(file, ImageSize.THUMB),
                    () -> processor.decodeForAnalysis(damaged, 64, Long.MAX_VALUE) }) {
                GalleristException e = assertThrows(GalleristException.class, call);
                assertEquals(ErrorCode.CORRUPT_IMAGE, e.code());
                assertTrue(e.getMessage().contains("IDAT chunk fails its CRC check"), e.getMessage());
            }
        }
    }

    @Test
    void aWholePngPassesAndOneCutShortIsLeftToTheDecoder() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(HostileImages.pattern(2, 64, 48), "png", out);
        byte[] png = out.toByteArray();
        ContainerChecks.verifyPngChunks(stream(png));
        ContainerChecks.verifyPngChunks(stream(Arrays.copyOf(png, png.length - 6)));
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        assertEquals(ErrorCode.CORRUPT_IMAGE, assertThrows(GalleristException.class,
                () -> processor.render(cut, ImageSize.THUMB)).code());
    }

    @Test
    void progressiveJpegsOfOrdinaryEncodersAreAcceptedAndRendered() throws Exception {
        byte[] progressive = HostileImages.progressiveJpeg(3, 300, 200);
        int scans = ContainerChecks.countJpegScans(stream(progressive));
        assertTrue(scans > 1 && scans <= 12, scans + " scans");
        Path file = Files.write(dir.resolve("progressive.jpg"), progressive);
        assertEquals(300, processor.inspect(file, Long.MAX_VALUE).width());
        assertTrue(processor.render(file, ImageSize.THUMB).length > 0);
        ByteArrayOutputStream baseline = new ByteArrayOutputStream();
        ImageIO.write(HostileImages.pattern(4, 80, 60), "jpg", baseline);
        assertEquals(1, ContainerChecks.countJpegScans(stream(baseline.toByteArray())));
    }

    @Test
    void aJpegWithThousandsOfScansIsRefusedBeforeDecodingNamingTheLimit() throws Exception {
        byte[] atTheLimit = HostileImages.jpegWithRepeatedLastScan(5, 64, 64,
                ContainerChecks.MAX_JPEG_SCANS - ContainerChecks.countJpegScans(stream(
                        HostileImages.progressiveJpeg(5, 64, 64))));
        assertEquals(ContainerChecks.MAX_JPEG_SCANS, ContainerChecks.countJpegScans(stream(atTheLimit)));

        byte[] hostile = HostileImages.jpegWithRepeatedLastScan(5, 64, 64, 5000);
        Path file = Files.write(dir.resolve("scans.jpg"), hostile);
        GalleristException e = assertThrows(GalleristException.class, () -> processor.inspect(file, Long.MAX_VALUE));
        assertEquals(ErrorCode.TOO_LARGE, e.code());
        assertEquals(Map.of("limit", "jpeg_scans", "max", ContainerChecks.MAX_JPEG_SCANS), e.details());
        assertThrows(GalleristException.class, () -> processor.decodeForAnalysis(hostile, 64, Long.MAX_VALUE));
    }

    private static ContainerChecks.Bytes stream(byte[] bytes) {
        return ContainerChecks.Bytes.of(bytes);
    }
}
