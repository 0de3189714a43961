package org.gallerist.imaging.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.zip.CRC32;

import javax.imageio.stream.ImageInputStream;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/**
 * Checks of a file's container structure that the decoders skip, run before any decoder sees the file: every PNG
 * chunk's CRC (the JDK's reader ignores them, so a damaged file would be stored), and the number of JPEG scans (a
 * progressive decoder redoes work for each scan, so thousands of tiny scans make a small file cost minutes of CPU).
 * Streams through the file once with a small buffer; leaves the stream at its start. A file that ends early is left
 * for the decoder to report (or for {@code inspect}, which reads only the header, to accept), as before.
 */
final class ContainerChecks {

    /**
     * The most scans a JPEG may have. Encoders write 1 (baseline) or about 10 (progressive; jpegtran's default script
     * has 10, custom scripts rarely above 30); libjpeg-turbo's tools suggest 500 as the ceiling for hostile input.
     */
    static final int MAX_JPEG_SCANS = 100;

    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    private ContainerChecks() {
    }

    static void verify(String format, ImageInputStream input) throws IOException {
        input.seek(0);
        try {
            switch (format) {
            case "png" -> verifyPngChunks(new Bytes(input::read));
            case "jpeg" -> countJpegScans(new Bytes(input::read));
            default -> {
                // GIF, BMP and WebP carry no checksums and no multi-pass structure worth bounding here
            }
            }
        } finally {
            input.seek(0);
        }
    }

    /** Every complete chunk up to IEND must match its CRC-32 (over type and data). */
    static void verifyPngChunks(Bytes in) throws IOException {
        byte[] buffer = new byte[8192];
        try {
            in.skipNBytes(8); // the signature, checked when the format was sniffed
            while (true) {
                long length = Integer.toUnsignedLong(in.readInt());
                byte[] type = new byte[4];
                in.readFully(type);
                CRC32 crc = new CRC32();
                crc.update(type);
                for (long left = length; left > 0;) {
                    int n = in.readSome(buffer, (int) Math.min(buffer.length, left));
                    crc.update(buffer, 0, n);
                    left -= n;
                }
                if (Integer.toUnsignedLong(in.readInt()) != crc.getValue()) {
                    throw corruptPng("its " + chunkName(type) + " chunk fails its CRC check");
                }
                if ("IEND".equals(chunkName(type))) {
                    return;
                }
            }
        } catch (EOFException truncated) {
            // the decoder reports a truncated file as corrupt_image
        }
    }

    /** Walks the markers and counts the SOS segments; a truncated file is left for the decoder to report. */
    static int countJpegScans(Bytes in) throws IOException {
        int scans = 0;
        try {
            in.skipNBytes(2); // SOI
            int marker = nextMarker(in);
            while (marker != EOI) {
                if (isStandalone(marker)) {
                    marker = nextMarker(in);
                    continue;
                }
                int length = in.readUnsignedShort();
                if (length < 2) {
                    throw corruptJpeg();
                }
                in.skipNBytes(length - 2);
                if (marker == SOS) {
                    scans++;
                    if (scans > MAX_JPEG_SCANS) {
                        throw new GalleristException(ErrorCode.TOO_LARGE, "The JPEG image has more than "
                                + MAX_JPEG_SCANS + " scans; the limit is " + MAX_JPEG_SCANS + ".",
                                Map.of(GalleristException.LIMIT, "jpeg_scans", GalleristException.MAX, MAX_JPEG_SCANS));
                    }
                    marker = markerAfterEntropyData(in);
                } else {
                    marker = nextMarker(in);
                }
            }
        } catch (EOFException truncated) {
            // the decoder reports a truncated file as corrupt_image
        }
        return scans;
    }

    /** The next marker code, skipping fill bytes ({@code FF FF ...}); anything else between segments is junk. */
    private static int nextMarker(Bytes in) throws IOException {
        int b = in.readUnsignedByte();
        while (b != 0xFF) { // decoders tolerate stray bytes before a marker; so do we
            b = in.readUnsignedByte();
        }
        while (b == 0xFF) {
            b = in.readUnsignedByte();
        }
        return b;
    }

    /** Skips a scan's entropy-coded data: stuffed {@code FF 00} and restart markers belong to it. */
    private static int markerAfterEntropyData(Bytes in) throws IOException {
        while (true) {
            int b = in.readUnsignedByte();
            if (b != 0xFF) {
                continue;
            }
            while (b == 0xFF) {
                b = in.readUnsignedByte();
            }
            if (b != 0x00 && (b < 0xD0 || b > 0xD7)) {
                return b;
            }
        }
    }

    private static boolean isStandalone(int marker) {
        return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
    }

    private static String chunkName(byte[] type) {
        StringBuilder name = new StringBuilder(4);
        for (byte b : type) {
            name.append(Character.isLetter(b) ? (char) b : '?');
        }
        return name.toString();
    }

    private static GalleristException corruptPng(String why) {
        return new GalleristException(ErrorCode.CORRUPT_IMAGE, "The PNG image is corrupt: " + why + ".");
    }

    private static GalleristException corruptJpeg() {
        return new GalleristException(ErrorCode.CORRUPT_IMAGE, "The JPEG image is truncated or corrupt and cannot be read.");
    }

    /** Reads a file or an array with its own unsynchronised buffer: the JPEG walk looks at every byte. */
    static final class Bytes {
        interface Source {
            int read(byte[] b, int off, int len) throws IOException;
        }

        private final Source source;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;

        Bytes(Source source) {
            this.source = source;
        }

        static Bytes of(byte[] content) {
            InputStream in = new java.io.ByteArrayInputStream(content);
            return new Bytes(in::read);
        }

        int readUnsignedByte() throws IOException {
            if (position == limit && !fill()) {
                throw new EOFException();
            }
            return buffer[position++] & 0xFF;
        }

        int readUnsignedShort() throws IOException {
            return readUnsignedByte() << 8 | readUnsignedByte();
        }

        int readInt() throws IOException {
            return readUnsignedShort() << 16 | readUnsignedShort();
        }

        void readFully(byte[] target) throws IOException {
            for (int done = 0; done < target.length;) {
                done += readSome(target, done, target.length - done);
            }
        }

        /** At least one and at most {@code max} bytes into the start of {@code target}. */
        int readSome(byte[] target, int max) throws IOException {
            return readSome(target, 0, max);
        }

        private int readSome(byte[] target, int offset, int max) throws IOException {
            if (position == limit && !fill()) {
                throw new EOFException();
            }
            int n = Math.min(max, limit - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }

        void skipNBytes(long count) throws IOException {
            for (long left = count; left > 0;) {
                if (position == limit && !fill()) {
                    throw new EOFException();
                }
                int n = (int) Math.min(left, limit - position);
                position += n;
                left -= n;
            }
        }

        private boolean fill() throws IOException {
            int n = source.read(buffer, 0, buffer.length);
            position = 0;
            limit = Math.max(0, n);
            return n > 0;
        }
    }
}
