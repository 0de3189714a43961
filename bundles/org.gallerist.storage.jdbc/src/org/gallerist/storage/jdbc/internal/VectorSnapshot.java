package org.gallerist.storage.jdbc.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A file holding one embedder's vectors in image id order, so that a start reads them sequentially instead of
 * decoding a Derby BLOB per image (at 100,000 images that was ~5 s of a cold start). It is a cache, never the truth:
 * each record carries the image's id and a prefix of its content hash, and a reader takes a record only where the
 * database has a vector of that image with that content (a vector is a function of the content and the embedder).
 * Records come in blocks of up to {@value #BLOCK} with a CRC32 each; a damaged or truncated block ends the reading
 * there, and whatever follows comes from the database. Written to a temporary file and moved into place.
 */
final class VectorSnapshot {

    /** One image's vector as the snapshot holds it. */
    record Vector(long imageId, long contentPrefix, float[] vector) {
    }

    private static final int MAGIC = 0x4756_4543; // "GVEC"
    private static final int VERSION = 2;
    /** Where the header keeps the record count and the last image id, written last. */
    private static final int COUNT_OFFSET = 3 * Integer.BYTES;
    static final int BLOCK = 256;
    private static final int MAX_DIMENSION = 1 << 16;

    private VectorSnapshot() {
    }

    /** The snapshot file of this embedder in the folder; the name is a hash, as embedder ids hold any characters. */
    static Path file(Path folder, String embedderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(embedderId.getBytes(StandardCharsets.UTF_8));
            return folder.resolve("vectors-" + HexFormat.of().formatHex(digest, 0, 8) + ".bin");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The first 16 hex digits of a SHA-256 as a number, as records keep it. */
    static long contentPrefix(String sha256Hex) {
        return sha256Hex.length() < 16 ? 0 : Long.parseUnsignedLong(sha256Hex.substring(0, 16), 16);
    }

    /** Reads records one after another, in the order they were written (ascending image ids). */
    static final class Reader implements Closeable {
        private final DataInputStream in;
        private final int dimension;
        private final long count;
        private final long lastImageId;
        private final CRC32 crc = new CRC32();
        private ByteBuffer block = ByteBuffer.allocate(0);
        private long lastId = Long.MIN_VALUE;
        private boolean damaged;
        private boolean ended;

        private Reader(DataInputStream in, int dimension, long count, long lastImageId) {
            this.in = in;
            this.dimension = dimension;
            this.count = count;
            this.lastImageId = lastImageId;
        }

        /** The snapshot of this embedder, or empty if there is none or it was written for another embedder. */
        static Optional<Reader> open(Path file, String embedderId) throws IOException {
            DataInputStream in;
            try {
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20));
            } catch (NoSuchFileException none) {
                return Optional.empty();
            }
            try {
                int magic = in.readInt();
                int version = in.readInt();
                int dimension = in.readInt();
                long count = in.readLong();
                long lastImageId = in.readLong();
                if (magic != MAGIC || version != VERSION || dimension <= 0 || dimension > MAX_DIMENSION || count < 0
                        || !embedderId.equals(in.readUTF())) {
                    in.close();
                    return Optional.empty();
                }
                return Optional.of(new Reader(in, dimension, count, lastImageId));
            } catch (IOException truncated) {
                in.close();
                return Optional.empty();
            }
        }

        int dimension() {
            return dimension;
        }

        /** How many records the writer wrote. */
        long count() {
            return count;
        }

        /** The id of the last record the writer wrote; {@link Long#MIN_VALUE} if there are none. */
        long lastImageId() {
            return lastImageId;
        }

        /** Whether reading stopped at a damaged or truncated block rather than at the end the writer marked. */
        boolean damaged() {
            return damaged;
        }

        /** The next record, or null at the end (or where the file is damaged). */
        Vector next() throws IOException {
            if (ended) {
                return null;
            }
            if (!block.hasRemaining() && !readBlock()) {
                ended = true;
                return null;
            }
            long id = block.getLong();
            long prefix = block.getLong();
            float[] vector = new float[dimension];
            block.asFloatBuffer().get(vector);
            block.position(block.position() + dimension * Float.BYTES);
            if (id <= lastId) { // written in ascending order; anything else is not this format
                damaged = true;
                ended = true;
                return null;
            }
            lastId = id;
            return new Vector(id, prefix, vector);
        }

        private boolean readBlock() throws IOException {
            try {
                int count = in.readInt();
                if (count == 0) {
                    return false; // the writer's end mark
                }
                if (count < 0 || count > BLOCK) {
                    damaged = true;
                    return false;
                }
                byte[] bytes = new byte[count * recordBytes(dimension)];
                in.readFully(bytes);
                int expected = in.readInt();
                if (blockCrc(crc, count, bytes, bytes.length) != expected) {
                    damaged = true;
                    return false;
                }
                block = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                return true;
            } catch (EOFException truncated) {
                damaged = true;
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Writes a new snapshot next to the old one; {@link #commit()} puts it in place, {@link #close()} alone drops it. */
    static final class Writer implements Closeable {
        private final Path target;
        private final Path temporary;
        private final int dimension;
        private final FileChannel channel;
        private final DataOutputStream out;
        private final ByteBuffer block;
        private long count;
        private final CRC32 crc = new CRC32();
        private int inBlock;
        private long lastId = Long.MIN_VALUE;
        private boolean committed;

        Writer(Path target, String embedderId, int dimension) throws IOException {
            if (dimension <= 0 || dimension > MAX_DIMENSION) {
                throw new IllegalArgumentException("Unsupported dimension " + dimension);
            }
            this.target = target;
            this.temporary = target.resolveSibling(target.getFileName() + ".tmp");
            this.dimension = dimension;
            createOwnerOnly(target.getParent());
            this.channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20));
            this.block = ByteBuffer.allocate(BLOCK * recordBytes(dimension)).order(ByteOrder.LITTLE_ENDIAN);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(dimension);
            out.writeLong(-1); // the count and the last id, once known (-1 until then: an unfinished file is refused)
            out.writeLong(Long.MIN_VALUE);
            out.writeUTF(embedderId);
        }

        /** @throws IllegalArgumentException if the id is not above the last one or the length is not the dimension */
        void add(long imageId, long contentPrefix, float[] vector) throws IOException {
            if (imageId <= lastId || vector.length != dimension) {
                throw new IllegalArgumentException("Records go in ascending id order with " + dimension + " floats");
            }
            lastId = imageId;
            count++;
            block.putLong(imageId).putLong(contentPrefix);
            block.asFloatBuffer().put(vector);
            block.position(block.position() + dimension * Float.BYTES);
            if (++inBlock == BLOCK) {
                flushBlock();
            }
        }

        private void flushBlock() throws IOException {
            if (inBlock == 0) {
                return;
            }
            out.writeInt(inBlock);
            out.write(block.array(), 0, block.position());
            out.writeInt(blockCrc(crc, inBlock, block.array(), block.position()));
            block.clear();
            inBlock = 0;
        }

        /** Marks the end and moves the file over the previous snapshot (not synced: a torn one fails its CRC). */
        void commit() throws IOException {
            flushBlock();
            out.writeInt(0);
            out.flush();
            channel.write(ByteBuffer.allocate(2 * Long.BYTES).putLong(count).putLong(lastId).flip(), COUNT_OFFSET);
            out.close();
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                out.close();
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** The folder readable by the server's user only where the file system has POSIX permissions, as Derby's. */
    private static void createOwnerOnly(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(folder,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** The CRC32 of a block's record count (four bytes, big-endian, as written) and its records. */
    private static int blockCrc(CRC32 crc, int count, byte[] records, int length) {
        crc.reset();
        crc.update(new byte[] {(byte) (count >>> 24), (byte) (count >>> 16), (byte) (count >>> 8), (byte) count});
        crc.update(records, 0, length);
        return (int) crc.getValue();
    }

    static int recordBytes(int dimension) {
        return 2 * Long.BYTES + dimension * Float.BYTES;
    }
}
