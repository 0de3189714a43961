package org.gallerist.blobs.file.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Encryption at rest of blob files as a streaming AEAD (after Tink's AES-GCM-HKDF streaming and age's STREAM): a
 * header, then the content in chunks of {@link #CHUNK_BYTES} each sealed on its own by {@link ChunkSealer}, so that
 * writing and reading hold one chunk in memory whatever the file's size.
 * <p>
 * Header ({@value #HEADER_BYTES} bytes): {@code "GLRY-AEAD\n"}, format version ({@value #VERSION}), the
 * {@linkplain BlobKey#id() key id} (8 bytes), the chunk size (4 bytes, big-endian), a random salt (32 bytes) and a
 * random nonce prefix (7 bytes). The file's AES-256 key is HKDF-SHA256 of the master key with the salt, and of the
 * whole header and the blob's content key as context: a header that was changed, or a file moved to another name,
 * derives another key and fails on its first chunk.
 */
final class BlobCipher {

    enum Format {
        /** This format. */
        CHUNKED,
        /** The format before: one AES-GCM message over the whole file, the master key used directly. */
        WHOLE_FILE,
        /** No known header: written while encryption was off. */
        PLAIN
    }

    static final byte[] MAGIC = "GLRY-AEAD\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] WHOLE_FILE_MAGIC = "GLRY-AESGCM-1\n".getBytes(StandardCharsets.US_ASCII);
    static final byte VERSION = 2;
    static final int CHUNK_BYTES = 64 * 1024;
    static final int SALT_BYTES = 32;
    static final int HEADER_BYTES = 10 + 1 + BlobKey.ID_BYTES + 4 + SALT_BYTES + ChunkSealer.PREFIX_BYTES;
    private static final int MAX_CHUNK_BYTES = 16 * 1024 * 1024;
    private static final byte[] CONTEXT = "gallerist blob v2\n".getBytes(StandardCharsets.US_ASCII);

    private final BlobKey key;
    private final SecureRandom random;
    private final int chunkSize;

    BlobCipher(BlobKey key, SecureRandom random) {
        this(key, random, CHUNK_BYTES);
    }

    BlobCipher(BlobKey key, SecureRandom random, int chunkSize) {
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("chunk size " + chunkSize);
        }
        this.key = key;
        this.random = random;
        this.chunkSize = chunkSize;
    }

    /** What the first {@link #HEADER_BYTES} bytes of a file (fewer if it is shorter) say it is. */
    static Format format(byte[] head) {
        if (startsWith(head, MAGIC)) {
            return Format.CHUNKED;
        }
        return startsWith(head, WHOLE_FILE_MAGIC) ? Format.WHOLE_FILE : Format.PLAIN;
    }

    /** A stream that writes the header now and the content encrypted for the blob of {@code blobKey}. */
    EncryptingOutputStream encrypt(OutputStream out, String blobKey) throws IOException {
        byte[] salt = new byte[SALT_BYTES];
        byte[] prefix = new byte[ChunkSealer.PREFIX_BYTES];
        random.nextBytes(salt);
        random.nextBytes(prefix);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.put(MAGIC).put(VERSION).put(key.id()).putInt(chunkSize).put(salt).put(prefix);
        byte[] bytes = header.array();
        return new EncryptingOutputStream(out, bytes, sealer(bytes, salt, prefix, blobKey), chunkSize);
    }

    /**
     * The plain content of a file in this format, whose first {@link #HEADER_BYTES} bytes are {@code head} and the
     * rest {@code rest}. Closes {@code rest} if it fails.
     *
     * @throws DamagedBlobException if the header is not valid, names another key, or the first chunk does not
     *                              authenticate
     */
    InputStream decrypt(byte[] head, InputStream rest, String blobKey, Path file) throws IOException {
        try {
            if (head.length < HEADER_BYTES) {
                throw new DamagedBlobException("The stored file " + file + " is truncated inside its header.");
            }
            ByteBuffer header = ByteBuffer.wrap(head);
            header.position(MAGIC.length);
            byte version = header.get();
            if (version != VERSION) {
                throw new DamagedBlobException("The stored file " + file + " has format version " + version
                        + ", which this server does not know (it writes and reads version " + VERSION + ").");
            }
            byte[] keyId = new byte[BlobKey.ID_BYTES];
            header.get(keyId);
            if (!Arrays.equals(keyId, key.id())) {
                throw new DamagedBlobException("The stored file " + file + " was encrypted with another key (id "
                        + BlobKey.hex(keyId) + "), not with " + key.file() + " (id " + BlobKey.hex(key.id()) + ").");
            }
            int fileChunkSize = header.getInt();
            if (fileChunkSize < 1 || fileChunkSize > MAX_CHUNK_BYTES) {
                throw new DamagedBlobException("The stored file " + file + " has a damaged header (chunk size "
                        + fileChunkSize + ").");
            }
            byte[] salt = new byte[SALT_BYTES];
            byte[] prefix = new byte[ChunkSealer.PREFIX_BYTES];
            header.get(salt).get(prefix);
            byte[] exact = Arrays.copyOf(head, HEADER_BYTES);
            return new DecryptingInputStream(rest, sealer(exact, salt, prefix, blobKey), fileChunkSize, file);
        } catch (IOException | RuntimeException e) {
            rest.close();
            throw e;
        }
    }

    private ChunkSealer sealer(byte[] header, byte[] salt, byte[] prefix, String blobKey) throws IOException {
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        context.writeBytes(CONTEXT);
        context.writeBytes(header);
        context.writeBytes(blobKey.getBytes(StandardCharsets.US_ASCII));
        return new ChunkSealer(key.fileKey(salt, context.toByteArray()), prefix);
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
