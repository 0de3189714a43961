package org.gallerist.tests.harness;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DNG files made here, laid out as cameras and converters write them: IFD0 holds a tiny RGB thumbnail, the DNG
 * version, make, model and orientation; its SubIFDs hold the raw sensor data (a colour filter array) and a full-size
 * JPEG preview. No Debian tool writes a DNG from a picture, so the structure is built by hand (Adobe's DNG 1.4 spec).
 */
public final class DngFiles {

    private DngFiles() {
    }

    /**
     * @param preview     a JPEG of {@code width}×{@code height}, or {@code null} for a DNG with raw data only
     * @param orientation the TIFF orientation (1–8) of the raw data and its previews
     */
    public static byte[] dng(byte[] preview, int width, int height, int orientation, String make, String model) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(new byte[8]); // the header, written last
        int thumbOffset = data.size();
        data.writeBytes(new byte[] {(byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255, 0, 0});
        int rawOffset = data.size();
        data.writeBytes(new byte[] {0, 16, 0, 16, 0, 16, 0, 16});
        int previewOffset = data.size();
        if (preview != null) {
            data.writeBytes(preview);
        }
        if (data.size() % 2 == 1) {
            data.write(0);
        }
        Ifd raw = new Ifd().longs(254, 0).longs(256, 2).longs(257, 2).shorts(258, 16).shorts(259, 1)
                .shorts(262, 32803).longs(273, rawOffset).shorts(277, 1).longs(278, 2).longs(279, 8);
        Ifd full = preview == null ? null : new Ifd().longs(254, 1).longs(256, width).longs(257, height)
                .shorts(258, 8, 8, 8).shorts(259, 7).shorts(262, 6).longs(273, previewOffset).shorts(277, 3)
                .longs(278, height).longs(279, preview.length);
        int ifd0Offset = data.size();
        Ifd ifd0 = new Ifd().longs(254, 1).longs(256, 2).longs(257, 2).shorts(258, 8, 8, 8).shorts(259, 1)
                .shorts(262, 2).ascii(271, make).ascii(272, model).longs(273, thumbOffset).shorts(274, orientation)
                .shorts(277, 3).longs(278, 2).longs(279, 12).bytes(50706, 1, 4, 0, 0);
        int ifd0Size = ifd0.withSubIfds(0, 0).size(preview == null ? 1 : 2);
        int rawOffsetIfd = ifd0Offset + ifd0Size;
        int fullOffsetIfd = rawOffsetIfd + raw.size(0);
        ifd0.withSubIfds(rawOffsetIfd, preview == null ? -1 : fullOffsetIfd);
        data.writeBytes(ifd0.write(ifd0Offset));
        data.writeBytes(raw.write(rawOffsetIfd));
        if (full != null) {
            data.writeBytes(full.write(fullOffsetIfd));
        }
        byte[] file = data.toByteArray();
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'I').put((byte) 'I').putShort((short) 42)
                .putInt(ifd0Offset);
        return file;
    }

    /** One image file directory: entries sorted by tag, values over 4 bytes after it. */
    private static final class Ifd {
        private record Field(int tag, int type, int count, byte[] value) {
        }

        private final List<Field> fields = new ArrayList<>();

        Ifd shorts(int tag, int... values) {
            ByteBuffer value = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : values) {
                value.putShort((short) v);
            }
            return add(tag, 3, values.length, value.array());
        }

        Ifd longs(int tag, int... values) {
            ByteBuffer value = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : values) {
                value.putInt(v);
            }
            return add(tag, 4, values.length, value.array());
        }

        Ifd ascii(int tag, String text) {
            byte[] value = (text + "\0").getBytes(StandardCharsets.US_ASCII);
            return add(tag, 2, value.length, value);
        }

        Ifd bytes(int tag, int... values) {
            byte[] value = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                value[i] = (byte) values[i];
            }
            return add(tag, 1, value.length, value);
        }

        /** SubIFDs; a negative second offset leaves it out. */
        Ifd withSubIfds(int first, int second) {
            fields.removeIf(field -> field.tag() == 330);
            return second < 0 ? longs(330, first) : longs(330, first, second);
        }

        private Ifd add(int tag, int type, int count, byte[] value) {
            fields.add(new Field(tag, type, count, value));
            fields.sort(Comparator.comparingInt(Field::tag));
            return this;
        }

        /** The size with {@code subIfds} SubIFD offsets (4 bytes each beyond the first). */
        int size(int subIfds) {
            int size = 2 + fields.size() * 12 + 4;
            for (Field field : fields) {
                int length = field.tag() == 330 ? subIfds * 4 : field.value().length;
                if (length > 4) {
                    size += length + length % 2;
                }
            }
            return size;
        }

        byte[] write(int at) {
            ByteBuffer entries = ByteBuffer.allocate(2 + fields.size() * 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
            ByteArrayOutputStream values = new ByteArrayOutputStream();
            int valuesAt = at + entries.capacity();
            entries.putShort((short) fields.size());
            for (Field field : fields) {
                entries.putShort((short) field.tag()).putShort((short) field.type()).putInt(field.count());
                if (field.value().length <= 4) {
                    entries.put(java.util.Arrays.copyOf(field.value(), 4));
                } else {
                    entries.putInt(valuesAt + values.size());
                    values.writeBytes(field.value());
                    if (values.size() % 2 == 1) {
                        values.write(0);
                    }
                }
            }
            entries.putInt(0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(entries.array());
            out.writeBytes(values.toByteArray());
            return out.toByteArray();
        }
    }
}
