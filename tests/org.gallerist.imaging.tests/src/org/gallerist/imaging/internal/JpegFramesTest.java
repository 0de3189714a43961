package org.gallerist.imaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.junit.jupiter.api.Test;

/** The frame header of a raw file's JPEG preview, found inside the raw file whatever its byte order. */
class JpegFramesTest {

    private static final int AT = 10; // the stream sits inside another file

    @Test
    void aBaselineJpegGivesItsPixelsEvenInsideALittleEndianFile() throws IOException {
        byte[] jpeg = ImageFixtures.jpegBytes(ImageFixtures.gradient(120, 80));
        assertEquals(120 * 80, pixels(jpeg, true));
    }

    @Test
    void fillBytesBeforeAMarkerAreSkipped() throws IOException {
        byte[] jpeg = ImageFixtures.jpegBytes(ImageFixtures.gradient(120, 80));
        ByteArrayOutputStream filled = new ByteArrayOutputStream();
        filled.write(jpeg, 0, 2);
        filled.write(0xFF);
        filled.write(0xFF);
        filled.write(jpeg, 2, jpeg.length - 2);
        assertEquals(120 * 80, pixels(filled.toByteArray(), false));
    }

    @Test
    void losslessAndTruncatedStreamsAreNoPicture() throws IOException {
        byte[] lossless = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC3, 0, 14, 14, 0, 80, 0, 60, 2, 1, 0x11, 0,
            2, 0x11, 0, (byte) 0xFF, (byte) 0xD9};
        assertEquals(-1, pixels(lossless, false));
        byte[] jpeg = ImageFixtures.jpegBytes(ImageFixtures.gradient(120, 80));
        assertEquals(-1, pixels(Arrays.copyOf(jpeg, 30), false));
    }

    private static long pixels(byte[] jpeg, boolean littleEndian) throws IOException {
        byte[] file = new byte[AT + jpeg.length];
        System.arraycopy(jpeg, 0, file, AT, jpeg.length);
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(file))) {
            input.setByteOrder(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            long pixels = JpegFrames.pixels(input, AT, jpeg.length);
            assertEquals(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN, input.getByteOrder(),
                    "the raw file's byte order is given back");
            return pixels;
        }
    }
}
