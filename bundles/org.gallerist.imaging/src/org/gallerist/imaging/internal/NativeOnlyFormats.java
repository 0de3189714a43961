package org.gallerist.imaging.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import javax.imageio.stream.ImageInputStream;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/**
 * Formats this backend recognises but cannot decode (no pure-Java decoder is kept on Maven Central for them): HEIC and
 * AVIF (ISO base media files with an image brand) and JPEG XL. The libvips backend reads them where libvips and
 * libheif are installed; without them an upload gets {@code unsupported_format} naming the format and the Debian
 * package that adds it, instead of {@code not_an_image}.
 */
final class NativeOnlyFormats {

    /** The Debian package that brings libvips with its HEIF (libheif1) and JPEG XL (libjxl) loaders. */
    static final String PACKAGE = "libvips42";

    private static final Map<String, String> DISPLAY_NAMES = Map.of("heic", "HEIC", "avif", "AVIF", "jxl",
            "JPEG XL");
    private static final byte[] JXL_CONTAINER = {0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A};
    /** The largest {@code ftyp} box read for brands; real ones list a handful of brands (each 4 bytes). */
    private static final int MAX_FTYP = 256;

    private NativeOnlyFormats() {
    }

    /** {@code heic}, {@code avif} or {@code jxl}, or empty; leaves the stream at its start. */
    static Optional<String> recognise(ImageInputStream input) throws IOException {
        input.seek(0);
        byte[] head = new byte[MAX_FTYP];
        int length = 0;
        for (int n; length < head.length && (n = input.read(head, length, head.length - length)) > 0;) {
            length += n;
        }
        input.seek(0);
        return recognise(Arrays.copyOf(head, length));
    }

    static Optional<String> recognise(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && head[1] == 0x0A) {
            return Optional.of("jxl"); // a bare JPEG XL codestream
        }
        if (head.length >= JXL_CONTAINER.length
                && Arrays.equals(head, 0, JXL_CONTAINER.length, JXL_CONTAINER, 0, JXL_CONTAINER.length)) {
            return Optional.of("jxl");
        }
        if (head.length < 16 || !"ftyp".equals(ascii(head, 4))) {
            return Optional.empty();
        }
        long boxSize = (head[0] & 0xFFL) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | head[3] & 0xFF;
        int end = (int) Math.min(Math.min(boxSize, head.length), MAX_FTYP);
        boolean heif = false;
        // the major brand at 8, the minor version at 12, then the compatible brands
        for (int at = 8; at + 4 <= end; at += at == 8 ? 8 : 4) {
            switch (ascii(head, at)) {
            case "avif", "avis" -> {
                return Optional.of("avif");
            }
            case "heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1" -> heif = true;
            default -> {
                // video and other brands say nothing here
            }
            }
        }
        return heif ? Optional.of("heic") : Optional.empty();
    }

    static String displayName(String format) {
        return DISPLAY_NAMES.getOrDefault(format, format);
    }

    /** What an upload of such a file gets from a server that cannot decode it. */
    static GalleristException unsupported(String format) {
        return new GalleristException(ErrorCode.UNSUPPORTED_FORMAT, displayName(format)
                + " images need libvips on the server (Debian package " + PACKAGE + ", which brings libheif1 and"
                + " libjxl); this server has only its pure-Java decoders (" + Codecs.FORMAT_LIST + ").",
                Map.of("format", format, "package", PACKAGE));
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }
}
