package org.gallerist.tests.harness;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Damaged and hostile image files, made at test time so none is committed: a PNG whose IDAT data no longer matches
 * its CRC, and progressive JPEGs with their last scan repeated as often as asked.
 */
public final class HostileImages {

    private static final byte[] IDAT = "IDAT".getBytes(StandardCharsets.US_ASCII);

    private HostileImages() {
    }

    /** A seeded pattern, different per seed. */
    public static BufferedImage pattern(int seed, int width, int height) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < 12; i++) {
                g.setColor(new Color(random.nextInt(0xFFFFFF)));
                g.fillOval(random.nextInt(width), random.nextInt(height), 1 + random.nextInt(width / 2 + 1),
                        1 + random.nextInt(height / 2 + 1));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * A PNG from ImageIO with one bit flipped in the middle of its first IDAT chunk's data, the CRC left as was (zlib's
     * own checksum may also catch this one, once a decoder inflates that far).
     */
    public static byte[] pngWithFlippedIdatByte(int seed, int width, int height) throws IOException {
        byte[] png = png(seed, width, height);
        int type = firstIdat(png);
        png[type + 4 + ByteBuffer.wrap(png, type - 4, 4).getInt() / 2] ^= 0x10;
        return png;
    }

    /** A PNG from ImageIO whose first IDAT chunk's CRC has one bit flipped: pixels intact, decoders read it. */
    public static byte[] pngWithBadIdatCrc(int seed, int width, int height) throws IOException {
        byte[] png = png(seed, width, height);
        int type = firstIdat(png);
        png[type + 4 + ByteBuffer.wrap(png, type - 4, 4).getInt()] ^= 0x01;
        return png;
    }

    private static byte[] png(int seed, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(pattern(seed, width, height), "png", out);
        return out.toByteArray();
    }

    /** Where the first IDAT chunk's type is; its length is the 4 bytes before, its data follows. */
    private static int firstIdat(byte[] png) throws IOException {
        int type = indexOf(png, IDAT, 8);
        if (type < 0 || ByteBuffer.wrap(png, type - 4, 4).getInt() < 4) {
            throw new IOException("ImageIO wrote no IDAT chunk with data");
        }
        return type;
    }

    /** A progressive JPEG as ImageIO writes it (about 10 scans for colour). */
    public static byte[] progressiveJpeg(int seed, int width, int height) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(pattern(seed, width, height), null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** {@link #progressiveJpeg} with its last scan (SOS segment and entropy-coded data) repeated {@code extra} times. */
    public static byte[] jpegWithRepeatedLastScan(int seed, int width, int height, int extra) throws IOException {
        byte[] jpeg = progressiveJpeg(seed, width, height);
        int lastScan = -1;
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                lastScan = i;
            }
        }
        int end = jpeg.length - 2; // the EOI marker
        if (lastScan < 0 || (jpeg[end] & 0xFF) != 0xFF || (jpeg[end + 1] & 0xFF) != 0xD9) {
            throw new IOException("ImageIO wrote no progressive JPEG ending in EOI");
        }
        byte[] scan = Arrays.copyOfRange(jpeg, lastScan, end);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + scan.length * extra);
        out.write(jpeg, 0, end);
        for (int i = 0; i < extra; i++) {
            out.write(scan);
        }
        out.write(jpeg, end, 2);
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        for (int i = from; i <= data.length - needle.length; i++) {
            if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
