package org.gallerist.tests.harness;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HEIC files laid out as phones write them: the primary image is a {@code grid} of 512×512 HEVC tiles (hidden
 * items), which decoders decode separately and in parallel. libheif's {@code heif-enc} 1.15 writes only single-image
 * files, so the tiles are encoded by it as the top-level images of one file, and this class rewrites that file's
 * {@code meta} box into a grid (ISO/IEC 23008-12, 6.6.2.3); the coded tiles in {@code mdat} are kept as they are.
 */
public final class HeifGrids {

    /** The tile size of the HEICs iPhones and Samsung phones write. */
    public static final int PHONE_TILE = 512;
    private static final long TIMEOUT_SECONDS = 300;

    private HeifGrids() {
    }

    /**
     * A grid HEIC of the picture in {@code jpeg} (width × height) in tiles of {@code tile} pixels square, made in
     * {@code folder} with ImageMagick's {@code convert} (padding and cutting the tiles) and {@code heif-enc} at
     * {@code quality}; callers check both are installed.
     */
    public static byte[] heic(Path folder, byte[] jpeg, int width, int height, int tile, int quality)
            throws Exception {
        int columns = (width + tile - 1) / tile;
        int rows = (height + tile - 1) / tile;
        Path work = Files.createTempDirectory(folder, "grid");
        Path source = Files.write(work.resolve("source.jpg"), jpeg);
        run(List.of("convert", source.toString(), "-background", "black", "-gravity", "NorthWest", "-extent",
                columns * tile + "x" + rows * tile, "-crop", tile + "x" + tile, "+repage", "-quality", "95",
                work.resolve("tile-%04d.jpg").toString()));
        List<String> encode = new ArrayList<>(List.of("heif-enc", "-q", Integer.toString(quality), "-o",
                work.resolve("tiles.heic").toString()));
        for (int i = 0; i < columns * rows; i++) {
            encode.add(work.resolve(String.format("tile-%04d.jpg", i)).toString());
        }
        run(encode);
        return grid(Files.readAllBytes(work.resolve("tiles.heic")), columns, rows, width, height);
    }

    /**
     * Rewrites a HEIF whose top-level images are {@code columns × rows} equal tiles, in row-major order, into one
     * whose primary image is their grid, cropped to {@code width × height}.
     */
    public static byte[] grid(byte[] tiles, int columns, int rows, int width, int height) {
        Map<String, Box> top = children(tiles, 0, tiles.length);
        Box meta = top.get("meta");
        Map<String, Box> metaBoxes = children(tiles, meta.body + 4, meta.end);
        Box iprp = metaBoxes.get("iprp");
        Map<String, Box> properties = children(tiles, iprp.body, iprp.end);
        List<int[]> extents = extents(tiles, metaBoxes.get("iloc"));
        if (extents.size() != columns * rows) {
            throw new IllegalArgumentException(extents.size() + " images, not " + columns * rows + " tiles");
        }
        Box ipco = properties.get("ipco");
        int propertyCount = count(tiles, ipco);
        Map<Integer, List<Integer>> associations = associations(tiles, properties.get("ipma"));
        int gridId = extents.size() + 1;
        ByteArrayOutputStream ipcoBody = new ByteArrayOutputStream();
        ipcoBody.writeBytes(Arrays.copyOfRange(tiles, ipco.body, ipco.end));
        ipcoBody.writeBytes(box("ispe", ByteBuffer.allocate(12).putInt(0).putInt(width).putInt(height).array()));
        associations.put(gridId, List.of(propertyCount + 1));
        byte[] newIprp = box("iprp", concat(box("ipco", ipcoBody.toByteArray()), ipma(associations)));
        ByteArrayOutputStream infes = new ByteArrayOutputStream();
        ByteBuffer iref = ByteBuffer.allocate(4 + 12 + 2 * extents.size()).putInt(0);
        iref.putInt(12 + 2 * extents.size()).put(ascii("dimg")).putShort((short) gridId)
                .putShort((short) extents.size());
        for (int id = 1; id <= extents.size(); id++) {
            infes.writeBytes(infe(id, "hvc1", 1));
            iref.putShort((short) id);
        }
        infes.writeBytes(infe(gridId, "grid", 0));
        byte[] iinf = box("iinf", concat(ByteBuffer.allocate(6).putInt(0).putShort((short) (gridId)).array(),
                infes.toByteArray()));
        byte[] gridData = ByteBuffer.allocate(8).put((byte) 0).put((byte) 0).put((byte) (rows - 1))
                .put((byte) (columns - 1)).putShort((short) width).putShort((short) height).array();
        Box hdlr = metaBoxes.get("hdlr");
        byte[] fixedParts = concat(Arrays.copyOfRange(tiles, hdlr.start, hdlr.end),
                box("pitm", ByteBuffer.allocate(6).putInt(0).putShort((short) gridId).array()), iinf,
                box("iref", iref.array()), newIprp, box("idat", gridData));
        int ilocSize = 8 + 4 + 2 + 2 + (extents.size() + 1) * 16;
        Box ftyp = top.get("ftyp");
        Box mdat = top.get("mdat");
        int newMdatStart = ftyp.end + 12 + fixedParts.length + ilocSize;
        ByteBuffer iloc = ByteBuffer.allocate(ilocSize - 8).putInt(1 << 24).put((byte) 0x44).put((byte) 0)
                .putShort((short) (extents.size() + 1));
        for (int i = 0; i < extents.size(); i++) {
            iloc.putShort((short) (i + 1)).putShort((short) 0).putShort((short) 0).putShort((short) 1)
                    .putInt(extents.get(i)[0] - mdat.start + newMdatStart).putInt(extents.get(i)[1]);
        }
        iloc.putShort((short) gridId).putShort((short) 1).putShort((short) 0).putShort((short) 1).putInt(0).putInt(8);
        byte[] newMeta = box("meta", concat(new byte[4], fixedParts, box("iloc", iloc.array())));
        return concat(Arrays.copyOfRange(tiles, ftyp.start, ftyp.end), newMeta,
                Arrays.copyOfRange(tiles, mdat.start, mdat.end));
    }

    private record Box(int start, int body, int end) {
    }

    /** The boxes between {@code from} and {@code to}, by type; a repeated type keeps its first box. */
    private static Map<String, Box> children(byte[] file, int from, int to) {
        Map<String, Box> boxes = new LinkedHashMap<>();
        ByteBuffer buffer = ByteBuffer.wrap(file);
        for (int at = from; at < to;) {
            int size = buffer.getInt(at);
            String type = new String(file, at + 4, 4, StandardCharsets.US_ASCII);
            boxes.putIfAbsent(type, new Box(at, at + 8, at + size));
            at += size;
        }
        return boxes;
    }

    private static int count(byte[] file, Box parent) {
        ByteBuffer buffer = ByteBuffer.wrap(file);
        int count = 0;
        for (int at = parent.body; at < parent.end; at += buffer.getInt(at)) {
            count++;
        }
        return count;
    }

    /** Each item's one extent (absolute offset, length), in item order, from an {@code iloc} of version 0 or 1. */
    private static List<int[]> extents(byte[] file, Box iloc) {
        ByteBuffer buffer = ByteBuffer.wrap(file, iloc.body, iloc.end - iloc.body);
        int version = buffer.getInt() >>> 24;
        int sizes = buffer.getShort() & 0xffff;
        int offsetSize = sizes >> 12;
        int lengthSize = (sizes >> 8) & 15;
        int baseSize = (sizes >> 4) & 15;
        int indexSize = version >= 1 ? sizes & 15 : 0;
        int count = buffer.getShort() & 0xffff;
        List<int[]> extents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            buffer.getShort();
            if (version >= 1) {
                buffer.getShort();
            }
            buffer.getShort();
            long base = read(buffer, baseSize);
            int extentCount = buffer.getShort() & 0xffff;
            if (extentCount != 1) {
                throw new IllegalArgumentException("an item in " + extentCount + " extents");
            }
            read(buffer, indexSize);
            extents.add(new int[] {(int) (base + read(buffer, offsetSize)), (int) read(buffer, lengthSize)});
        }
        return extents;
    }

    private static long read(ByteBuffer buffer, int size) {
        return switch (size) {
        case 0 -> 0;
        case 4 -> buffer.getInt() & 0xffffffffL;
        case 8 -> buffer.getLong();
        default -> throw new IllegalArgumentException("a field of " + size + " bytes");
        };
    }

    private static Map<Integer, List<Integer>> associations(byte[] file, Box ipma) {
        ByteBuffer buffer = ByteBuffer.wrap(file, ipma.body, ipma.end - ipma.body);
        int versionAndFlags = buffer.getInt();
        boolean wideIds = versionAndFlags >>> 24 >= 1;
        boolean wideIndices = (versionAndFlags & 1) == 1;
        int count = buffer.getInt();
        Map<Integer, List<Integer>> associations = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int item = wideIds ? buffer.getInt() : buffer.getShort() & 0xffff;
            int n = buffer.get() & 0xff;
            List<Integer> entries = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                int entry = wideIndices ? buffer.getShort() & 0xffff : buffer.get() & 0xff;
                entries.add(wideIndices ? entry : (entry & 0x80) << 8 | entry & 0x7f);
            }
            associations.put(item, entries);
        }
        return associations;
    }

    /** An {@code ipma} with 16-bit entries (essential bit, 15-bit property index): a grid has many properties. */
    private static byte[] ipma(Map<Integer, List<Integer>> associations) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ByteBuffer.allocate(8).putInt(1).putInt(associations.size()).array());
        associations.forEach((item, entries) -> {
            body.writeBytes(ByteBuffer.allocate(3).putShort((short) (int) item).put((byte) entries.size()).array());
            for (int entry : entries) {
                body.writeBytes(ByteBuffer.allocate(2).putShort((short) entry).array());
            }
        });
        return box("ipma", body.toByteArray());
    }

    private static byte[] infe(int id, String type, int flags) {
        return box("infe", ByteBuffer.allocate(13).putInt(2 << 24 | flags).putShort((short) id).putShort((short) 0)
                .put(ascii(type)).put((byte) 0).array());
    }

    private static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).put(ascii(type)).put(body).array();
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

    private static void run(List<String> command) throws Exception {
        Processes.Result result = Processes.run(command, null, TIMEOUT_SECONDS);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + ": " + result.stderr());
        }
    }
}
