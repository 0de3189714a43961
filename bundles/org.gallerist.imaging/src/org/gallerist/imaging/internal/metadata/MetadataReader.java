package org.gallerist.imaging.internal.metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.zip.InflaterInputStream;

import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.gallerist.api.image.PhotoFacts;
import org.gallerist.spi.imaging.EmbeddedMetadata;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * Finds the EXIF, XMP and IPTC blocks of a JPEG, TIFF, PNG or WebP and reads what {@link EmbeddedMetadata} holds.
 * Never throws: a damaged block gives what the others say. XMP wins over IPTC, which wins over EXIF's description.
 */
public final class MetadataReader {

    private static final byte[] EXIF_ID = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP_ID = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PHOTOSHOP_ID = "Photoshop 3.0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int APP1 = 0xE1;
    private static final int APP13 = 0xED;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final String PNG_XMP_KEYWORD = "XML:com.adobe.xmp";
    private static final int TIFF_XMP = 700;
    private static final int TIFF_IPTC = 33723;
    /** No metadata block we read is larger; a bigger one is skipped, not buffered. */
    private static final int MAX_BLOCK = XmpFields.MAX_PACKET;

    private MetadataReader() {
    }

    /**
     * @param format as the processor sniffed it; formats whose metadata is not read here give
     *               {@link EmbeddedMetadata#NONE}
     */
    public static EmbeddedMetadata read(Path file, String format) {
        try (ImageInputStream input = new FileImageInputStream(file.toFile())) {
            return read(input, format);
        } catch (IOException | RuntimeException e) {
            return EmbeddedMetadata.NONE;
        }
    }

    /** Like {@link #read(Path, String)}, from the stream's start. */
    public static EmbeddedMetadata read(ImageInputStream input, String format) {
        try {
            input.seek(0);
            return switch (format) {
                case "jpeg" -> jpeg(input);
                case "tiff" -> tiff(input);
                case "png" -> png(input).read();
                case "webp" -> webp(input).read();
                default -> EmbeddedMetadata.NONE;
            };
        } catch (IOException | RuntimeException e) {
            return EmbeddedMetadata.NONE;
        }
    }

    /** From blocks another reader found: {@code exif} a TIFF structure (an "Exif\0\0" prefix is allowed). */
    public static EmbeddedMetadata of(byte[] exif, byte[] xmp, byte[] iim) {
        Directory ifd0 = exif == null ? null : tiffStructure(exif);
        return combine(ifd0, XmpFields.read(xmp), IptcFields.read(iim));
    }

    /**
     * Walks the marker segments up to the first scan, keeping the first Exif, XMP and Photoshop (IPTC) segment: at
     * most three segments of at most 64 KB are held, however many a file carries.
     */
    private static EmbeddedMetadata jpeg(ImageInputStream input) throws IOException {
        input.setByteOrder(ByteOrder.BIG_ENDIAN);
        if (input.readUnsignedShort() != 0xFFD8) {
            return EmbeddedMetadata.NONE;
        }
        byte[] exif = null;
        byte[] xmp = null;
        byte[] iim = null;
        while (input.read() == 0xFF) {
            int marker = input.read();
            while (marker == 0xFF) { // fill bytes
                marker = input.read();
            }
            if (marker < 0 || marker == SOS || marker == EOI) {
                break;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) { // no length
                continue;
            }
            int length = input.readUnsignedShort();
            if (length < 2) {
                break;
            }
            long next = input.getStreamPosition() + length - 2;
            boolean wanted = marker == APP1 && (exif == null || xmp == null) || marker == APP13 && iim == null;
            if (wanted) {
                byte[] data = new byte[length - 2];
                input.readFully(data);
                if (marker == APP1 && exif == null && startsWith(data, EXIF_ID)) {
                    exif = Arrays.copyOfRange(data, EXIF_ID.length, data.length);
                } else if (marker == APP1 && xmp == null && startsWith(data, XMP_ID)) {
                    xmp = Arrays.copyOfRange(data, XMP_ID.length, data.length);
                } else if (marker == APP13 && startsWith(data, PHOTOSHOP_ID)) {
                    iim = IptcFields.fromPhotoshopResources(Arrays.copyOfRange(data, PHOTOSHOP_ID.length,
                            data.length));
                }
            }
            input.seek(next);
        }
        return of(exif, xmp, iim);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static EmbeddedMetadata tiff(ImageInputStream input) throws IOException {
        Directory ifd0 = new TIFFReader().read(input);
        return combine(ifd0, XmpFields.read(blob(ifd0, TIFF_XMP)), IptcFields.read(blob(ifd0, TIFF_IPTC)));
    }

    /** The EXIF and XMP blocks of a PNG or WebP. */
    private record Blocks(byte[] exif, byte[] xmp) {
        EmbeddedMetadata read() {
            return of(exif, xmp, null);
        }
    }

    /**
     * The EXIF block (a TIFF structure, maybe after an "Exif\0\0" prefix) of a PNG ({@code eXIf}) or WebP
     * ({@code EXIF} chunk), for its orientation; {@code null} when there is none or for other formats. The stream is
     * read from its start.
     */
    public static byte[] exif(ImageInputStream input, String format) throws IOException {
        ByteOrder before = input.getByteOrder();
        try {
            input.seek(0);
            return switch (format) {
                case "png" -> png(input).exif();
                case "webp" -> webp(input).exif();
                default -> null;
            };
        } finally {
            input.setByteOrder(before); // the decoder reads the same stream next
        }
    }

    private static Blocks png(ImageInputStream input) throws IOException {
        input.setByteOrder(ByteOrder.BIG_ENDIAN);
        input.seek(8);
        byte[] exif = null;
        byte[] xmp = null;
        while (input.getStreamPosition() + 12 <= input.length()) {
            long length = input.readUnsignedInt();
            String type = fourCc(input);
            long next = input.getStreamPosition() + length + 4;
            if ("IEND".equals(type)) {
                break;
            }
            if (length <= MAX_BLOCK && ("eXIf".equals(type) || "iTXt".equals(type))) {
                byte[] data = new byte[(int) length];
                input.readFully(data);
                if ("eXIf".equals(type)) {
                    exif = data;
                } else if (xmp == null) {
                    xmp = pngXmp(data);
                }
            }
            input.seek(next);
        }
        return new Blocks(exif, xmp);
    }

    /** An iTXt chunk's text when its keyword says XMP: keyword NUL, flag, method, language NUL, keyword NUL, text. */
    private static byte[] pngXmp(byte[] chunk) throws IOException {
        int keywordEnd = indexOf(chunk, 0);
        if (keywordEnd < 0 || !PNG_XMP_KEYWORD.equals(new String(chunk, 0, keywordEnd, StandardCharsets.ISO_8859_1))
                || keywordEnd + 3 > chunk.length) {
            return null;
        }
        boolean compressed = chunk[keywordEnd + 1] != 0;
        int languageEnd = indexOf(chunk, keywordEnd + 3);
        int translatedEnd = languageEnd < 0 ? -1 : indexOf(chunk, languageEnd + 1);
        if (translatedEnd < 0) {
            return null;
        }
        byte[] text = Arrays.copyOfRange(chunk, translatedEnd + 1, chunk.length);
        if (!compressed) {
            return text;
        }
        try (InputStream inflated = new InflaterInputStream(new ByteArrayInputStream(text))) {
            return inflated.readNBytes(MAX_BLOCK);
        }
    }

    private static Blocks webp(ImageInputStream input) throws IOException {
        input.setByteOrder(ByteOrder.LITTLE_ENDIAN);
        input.seek(12);
        byte[] exif = null;
        byte[] xmp = null;
        while (input.getStreamPosition() + 8 <= input.length()) {
            String type = fourCc(input);
            long size = input.readUnsignedInt();
            long next = input.getStreamPosition() + size + (size & 1);
            if (size <= MAX_BLOCK && ("EXIF".equals(type) || "XMP ".equals(type))) {
                byte[] data = new byte[(int) size];
                input.readFully(data);
                if ("EXIF".equals(type)) {
                    exif = data;
                } else {
                    xmp = data;
                }
            }
            input.seek(next);
        }
        return new Blocks(exif, xmp);
    }

    private static EmbeddedMetadata combine(Directory ifd0, XmpFields.Fields xmp, XmpFields.Fields iptc) {
        PhotoFacts photo = ifd0 == null ? PhotoFacts.NONE : ExifFacts.of(ifd0);
        String exifDescription = ifd0 == null ? null : ExifFacts.description(ifd0);
        String title = xmp.title() != null ? xmp.title() : iptc.title();
        String description = xmp.description() != null ? xmp.description()
                : iptc.description() != null ? iptc.description() : exifDescription;
        List<String> keywords = new ArrayList<>(new LinkedHashSet<>(
                !xmp.subject().isEmpty() ? xmp.subject() : iptc.subject()));
        return new EmbeddedMetadata(title, description, keywords, photo);
    }

    /**
     * Reads a TIFF structure that may follow a short prefix: "Exif\0\0" (WebP, PNG writers) or HEIF's 4-byte offset.
     */
    private static Directory tiffStructure(byte[] exif) {
        int start = -1;
        for (int i = 0; i + 4 <= Math.min(exif.length, 16); i++) {
            if (exif[i] == 'I' && exif[i + 1] == 'I' && exif[i + 2] == 42 && exif[i + 3] == 0
                    || exif[i] == 'M' && exif[i + 1] == 'M' && exif[i + 2] == 0 && exif[i + 3] == 42) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return null;
        }
        try (ImageInputStream tiff = new MemoryCacheImageInputStream(
                new ByteArrayInputStream(exif, start, exif.length - start))) {
            return new TIFFReader().read(tiff);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] blob(Directory ifd0, int tag) {
        Entry entry = ifd0.getEntryById(tag);
        return entry != null && entry.getValue() instanceof byte[] bytes && bytes.length <= MAX_BLOCK ? bytes : null;
    }

    private static String fourCc(ImageInputStream input) throws IOException {
        byte[] type = new byte[4];
        input.readFully(type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
