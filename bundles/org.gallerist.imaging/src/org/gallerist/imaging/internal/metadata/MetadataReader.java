package org.gallerist.imaging.internal.metadata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.InflaterInputStream;

import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.gallerist.api.image.PhotoFacts;
import org.gallerist.spi.imaging.EmbeddedMetadata;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * Finds the EXIF, XMP and IPTC blocks of a JPEG, TIFF, PNG or WebP and reads what {@link EmbeddedMetadata} holds.
 * Never throws: a damaged block gives what the others say. XMP wins over IPTC, which wins over EXIF's description.
 */
public final class MetadataReader {

    private static final String XMP_ID = "http://ns.adobe.com/xap/1.0/";
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
            return switch (format) {
                case "jpeg" -> jpeg(input);
                case "tiff" -> tiff(input);
                case "png" -> png(input);
                case "webp" -> webp(input);
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

    private static EmbeddedMetadata jpeg(ImageInputStream input) throws IOException {
        List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(input,
                Map.of(JPEG.APP1, List.of("Exif", XMP_ID), JPEG.APP13, List.of("Photoshop 3.0")));
        byte[] exif = null;
        byte[] xmp = null;
        byte[] iim = null;
        for (JPEGSegment segment : segments) {
            String id = segment.identifier();
            if ("Exif".equals(id) && exif == null) {
                exif = bytes(segment);
            } else if (XMP_ID.equals(id) && xmp == null) {
                xmp = bytes(segment);
            } else if ("Photoshop 3.0".equals(id) && iim == null) {
                iim = IptcFields.fromPhotoshopResources(bytes(segment));
            }
        }
        return of(exif, xmp, iim);
    }

    private static EmbeddedMetadata tiff(ImageInputStream input) throws IOException {
        Directory ifd0 = new TIFFReader().read(input);
        return combine(ifd0, XmpFields.read(blob(ifd0, TIFF_XMP)), IptcFields.read(blob(ifd0, TIFF_IPTC)));
    }

    private static EmbeddedMetadata png(ImageInputStream input) throws IOException {
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
        return of(exif, xmp, null);
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
        byte[] text = java.util.Arrays.copyOfRange(chunk, translatedEnd + 1, chunk.length);
        if (!compressed) {
            return text;
        }
        try (InputStream inflated = new InflaterInputStream(new ByteArrayInputStream(text))) {
            return inflated.readNBytes(MAX_BLOCK);
        }
    }

    private static EmbeddedMetadata webp(ImageInputStream input) throws IOException {
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
        return of(exif, xmp, null);
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

    private static byte[] bytes(JPEGSegment segment) throws IOException {
        try (InputStream data = segment.data()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length());
            data.transferTo(out);
            byte[] bytes = out.toByteArray();
            // the identifier is "Exif\0\0": the reader strips "Exif\0", leaving a pad byte before the TIFF header
            if ("Exif".equals(segment.identifier()) && bytes.length > 0 && bytes[0] == 0) {
                return java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
            }
            return bytes;
        }
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
