package org.gallerist.tests.harness;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The camera raw files that are not TIFF files, laid out as their cameras write them around a given full-size JPEG
 * (no Debian tool writes one; the raw sensor data, which Gallerist never reads, is left out):
 * <ul>
 * <li>CR3 (Canon): an ISO base media file of brand {@code crx }; the movie box holds Canon's header box with the EXIF
 * IFD0 ({@code CMT1}) and tracks whose first sample is the JPEG (first track) and a small one (second); an XMP box
 * follows;</li>
 * <li>RAF (Fujifilm): a header naming the camera, with the JPEG's offset and length at 84;</li>
 * <li>ORF (Olympus): a TIFF with magic {@code RO}, the JPEG named in the maker note's CameraSettings directory, whose
 * offsets count from the note's start;</li>
 * <li>RW2 (Panasonic): a TIFF with magic 0x55, the JPEG as IFD0's JpgFromRaw entry.</li>
 * </ul>
 */
public final class OtherRawFiles {

    private static final String CANON_HEADER = "85c0b687820f11e08111f4ce462b6a48";
    private static final String XMP_BOX = "be7acfcb97a942e89c71999491e3afac";

    private OtherRawFiles() {
    }

    /** @param xmpTitle the XMP packet's {@code dc:title}, or null for no XMP box */
    public static byte[] cr3(byte[] jpeg, byte[] smallJpeg, int orientation, String model, String xmpTitle) {
        byte[] ftyp = box("ftyp", ascii("crx "), int32(1), ascii("crx "), ascii("isom"));
        TiffIfd ifd0 = new TiffIfd().ascii(271, "Canon").ascii(272, model).shorts(274, orientation);
        byte[] cmt1 = concat(tiffHeader(42, 8), ifd0.write(8));
        byte[] xmp = xmpTitle == null ? new byte[0] : box("uuid", HexFormat.of().parseHex(XMP_BOX), xmpTitled(xmpTitle)
                .getBytes(StandardCharsets.UTF_8));
        int moovLength = moov(cmt1, 0, jpeg.length, 0, smallJpeg.length).length;
        int mdatAt = ftyp.length + moovLength + xmp.length;
        int smallAt = mdatAt + 8;
        int jpegAt = smallAt + smallJpeg.length; // the second track's sample first: order in mdat is free
        byte[] moov = moov(cmt1, jpegAt, jpeg.length, smallAt, smallJpeg.length);
        return concat(ftyp, moov, xmp, box("mdat", smallJpeg, jpeg));
    }

    private static byte[] moov(byte[] cmt1, int jpegAt, int jpegLength, int smallAt, int smallLength) {
        byte[] canon = box("uuid", HexFormat.of().parseHex(CANON_HEADER), box("CMT1", cmt1));
        return box("moov", canon, track(jpegAt, jpegLength), track(smallAt, smallLength));
    }

    private static byte[] track(long offset, int length) {
        byte[] stsz = box("stsz", int32(0), int32(0), int32(1), int32(length));
        byte[] co64 = box("co64", int32(0), int32(1), ByteBuffer.allocate(8).putLong(offset).array());
        return box("trak", box("mdia", box("minf", box("stbl", stsz, co64))));
    }

    public static byte[] raf(byte[] jpeg, String model) {
        int jpegAt = 160;
        ByteBuffer header = ByteBuffer.allocate(jpegAt).order(ByteOrder.BIG_ENDIAN);
        header.put(ascii("FUJIFILMCCD-RAW ")).put(ascii("0201")).put(ascii("FF129502"));
        header.put(Arrays.copyOf(model.getBytes(StandardCharsets.US_ASCII), 32)).put(ascii("0100"));
        header.position(84);
        header.putInt(jpegAt).putInt(jpeg.length);
        return concat(header.array(), jpeg);
    }

    /** @param omSystem whether the maker note starts as OM System's (2022 on) rather than Olympus' */
    public static byte[] orf(byte[] jpeg, int orientation, String model, boolean omSystem) {
        byte[] noteHeader = omSystem ? concat(Arrays.copyOf(ascii("OM SYSTEM"), 12), ascii("II"), new byte[] {4, 0})
                : concat(Arrays.copyOf(ascii("OLYMPUS"), 8), ascii("II"), new byte[] {3, 0});
        int noteIfdAt = noteHeader.length; // offsets from the note's start
        TiffIfd noteIfd = new TiffIfd().placed(0x2020, 13, 1, 0);
        int settingsAt = noteIfdAt + noteIfd.size(0);
        TiffIfd settings = new TiffIfd().longs(0x100, 1).longs(0x101, 0).longs(0x102, jpeg.length);
        int jpegInNote = settingsAt + settings.size(0);
        noteIfd = new TiffIfd().placed(0x2020, 13, 1, settingsAt);
        settings = new TiffIfd().longs(0x100, 1).longs(0x101, jpegInNote).longs(0x102, jpeg.length);
        byte[] note = concat(noteHeader, noteIfd.write(noteIfdAt), settings.write(settingsAt), jpeg);

        TiffIfd ifd0 = new TiffIfd().ascii(271, "OLYMPUS IMAGING CORP.").ascii(272, model).shorts(274, orientation)
                .longs(0x8769, 0);
        int exifAt = 8 + ifd0.size(0);
        ifd0 = new TiffIfd().ascii(271, "OLYMPUS IMAGING CORP.").ascii(272, model).shorts(274, orientation)
                .longs(0x8769, exifAt);
        TiffIfd exif = new TiffIfd().placed(0x927C, 7, note.length, 0);
        int noteAt = exifAt + exif.size(0);
        exif = new TiffIfd().placed(0x927C, 7, note.length, noteAt);
        return concat(tiffHeader(0x4F52, 8), ifd0.write(8), exif.write(exifAt), note);
    }

    public static byte[] rw2(byte[] jpeg, int orientation, String model) {
        TiffIfd ifd0 = new TiffIfd().ascii(271, "Panasonic").ascii(272, model).shorts(274, orientation)
                .placed(0x2E, 7, jpeg.length, 0);
        int jpegAt = 8 + ifd0.size(0);
        ifd0 = new TiffIfd().ascii(271, "Panasonic").ascii(272, model).shorts(274, orientation)
                .placed(0x2E, 7, jpeg.length, jpegAt);
        return concat(tiffHeader(0x55, 8), ifd0.write(8), jpeg);
    }

    /**
     * The JPEG with an EXIF segment after its start marker giving make, model and orientation, as a camera's own
     * JPEG has.
     */
    public static byte[] withExif(byte[] jpeg, String make, String model, int orientation) {
        TiffIfd ifd0 = new TiffIfd().ascii(271, make).ascii(272, model).shorts(274, orientation);
        byte[] payload = concat(ascii("Exif"), new byte[2], tiffHeader(42, 8), ifd0.write(8));
        byte[] segment = ByteBuffer.allocate(4 + payload.length).put((byte) 0xFF).put((byte) 0xE1)
                .putShort((short) (payload.length + 2)).put(payload).array();
        return concat(Arrays.copyOf(jpeg, 2), segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private static String xmpTitled(String title) {
        return "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title><rdf:Alt>"
                + "<rdf:li xml:lang=\"x-default\">" + title + "</rdf:li></rdf:Alt></dc:title></rdf:Description>"
                + "</rdf:RDF></x:xmpmeta>";
    }

    private static byte[] tiffHeader(int magic, int ifd0At) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'I').put((byte) 'I')
                .putShort((short) magic).putInt(ifd0At).array();
    }

    private static byte[] box(String type, byte[]... parts) {
        byte[] payload = concat(parts);
        return concat(int32(8 + payload.length), ascii(type), payload);
    }

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
