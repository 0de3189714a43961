package org.gallerist.tests.harness;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** One little-endian TIFF image file directory, as raw files hold them: entries sorted by tag, values after it. */
final class TiffIfd {

    /** @param placed whether {@code value} is the offset of values written elsewhere */
    private record Field(int tag, int type, int count, byte[] value, boolean placed) {
    }

    private final List<Field> fields = new ArrayList<>();

    TiffIfd shorts(int tag, int... values) {
        ByteBuffer value = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            value.putShort((short) v);
        }
        return add(tag, 3, values.length, value.array());
    }

    TiffIfd longs(int tag, int... values) {
        ByteBuffer value = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            value.putInt(v);
        }
        return add(tag, 4, values.length, value.array());
    }

    TiffIfd ascii(int tag, String text) {
        byte[] value = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        return add(tag, 2, value.length, value);
    }

    TiffIfd bytes(int tag, int... values) {
        byte[] value = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            value[i] = (byte) values[i];
        }
        return add(tag, 1, value.length, value);
    }

    /** An entry whose {@code count} values of {@code type} the caller writes at {@code offset}. */
    TiffIfd placed(int tag, int type, int count, int offset) {
        byte[] value = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(offset).array();
        fields.add(new Field(tag, type, count, value, true));
        fields.sort(Comparator.comparingInt(Field::tag));
        return this;
    }

    /** SubIFDs; a negative second offset leaves it out. */
    TiffIfd withSubIfds(int first, int second) {
        fields.removeIf(field -> field.tag() == 330);
        return second < 0 ? longs(330, first) : longs(330, first, second);
    }

    private TiffIfd add(int tag, int type, int count, byte[] value) {
        fields.add(new Field(tag, type, count, value, false));
        fields.sort(Comparator.comparingInt(Field::tag));
        return this;
    }

    /** The size with {@code subIfds} SubIFD offsets (4 bytes each beyond the first). */
    int size(int subIfds) {
        int size = 2 + fields.size() * 12 + 4;
        for (Field field : fields) {
            int length = field.tag() == 330 ? subIfds * 4 : field.value().length;
            if (length > 4 && !field.placed()) {
                size += length + length % 2;
            }
        }
        return size;
    }

    byte[] write(int at) {
        return write(at, 0);
    }

    /** The directory written at file offset {@code at}, pointing to the next one at {@code next} (0: the last). */
    byte[] write(int at, int next) {
        ByteBuffer entries = ByteBuffer.allocate(2 + fields.size() * 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        int valuesAt = at + entries.capacity();
        entries.putShort((short) fields.size());
        for (Field field : fields) {
            entries.putShort((short) field.tag()).putShort((short) field.type()).putInt(field.count());
            if (field.value().length <= 4 || field.placed()) {
                entries.put(Arrays.copyOf(field.value(), 4));
            } else {
                entries.putInt(valuesAt + values.size());
                values.writeBytes(field.value());
                if (values.size() % 2 == 1) {
                    values.write(0);
                }
            }
        }
        entries.putInt(next);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(entries.array());
        out.writeBytes(values.toByteArray());
        return out.toByteArray();
    }
}
