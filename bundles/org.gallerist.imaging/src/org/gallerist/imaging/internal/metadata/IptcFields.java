package org.gallerist.imaging.internal.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.iptc.IPTC;
import com.twelvemonkeys.imageio.metadata.iptc.IPTCReader;

/** IPTC-IIM's object name, caption and keywords, read by TwelveMonkeys' IPTCReader. */
final class IptcFields {

    /** Photoshop's image resource that holds the IIM records. */
    private static final int IPTC_RESOURCE = 0x0404;

    private IptcFields() {
    }

    static XmpFields.Fields read(byte[] iim) {
        if (iim == null || iim.length == 0) {
            return XmpFields.Fields.NONE;
        }
        try (ImageInputStream input = new MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(iim))) {
            Directory records = new IPTCReader().read(input);
            return new XmpFields.Fields(text(records, IPTC.TAG_OBJECT_NAME), text(records, IPTC.TAG_CAPTION),
                    texts(records, IPTC.TAG_KEYWORDS));
        } catch (IOException | RuntimeException e) {
            return XmpFields.Fields.NONE;
        }
    }

    /**
     * The IIM block inside a Photoshop "8BIM" resource list (a JPEG's APP13 after its identifier); {@code null} when
     * there is none. Each resource: "8BIM", id (2), a padded Pascal name, size (4), data padded to even length.
     */
    static byte[] fromPhotoshopResources(byte[] resources) {
        ByteBuffer buffer = ByteBuffer.wrap(resources);
        while (buffer.remaining() >= 12) {
            byte[] signature = new byte[4];
            buffer.get(signature);
            if (!Arrays.equals(signature, "8BIM".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                return null;
            }
            int id = Short.toUnsignedInt(buffer.getShort());
            int nameLength = Byte.toUnsignedInt(buffer.get());
            int namePadded = (nameLength + 1) % 2 == 0 ? nameLength : nameLength + 1;
            if (buffer.remaining() < namePadded + 4) {
                return null;
            }
            buffer.position(buffer.position() + namePadded);
            long size = Integer.toUnsignedLong(buffer.getInt());
            if (size > buffer.remaining()) {
                return null;
            }
            if (id == IPTC_RESOURCE) {
                byte[] iim = new byte[(int) size];
                buffer.get(iim);
                return iim;
            }
            buffer.position(buffer.position() + (int) size + (int) (size % 2));
        }
        return null;
    }

    private static String text(Directory records, int tag) {
        List<String> values = texts(records, tag);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> texts(Directory records, int tag) {
        Entry entry = records.getEntryById(tag);
        if (entry == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        Object value = entry.getValue();
        if (value instanceof String text) {
            values.add(text);
        } else if (value instanceof String[] texts) {
            values.addAll(Arrays.asList(texts));
        }
        values.removeIf(text -> text == null || text.isBlank());
        return values;
    }
}
