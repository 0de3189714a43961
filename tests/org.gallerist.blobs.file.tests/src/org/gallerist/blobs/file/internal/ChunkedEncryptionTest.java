package org.gallerist.blobs.file.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gallerist.spi.storage.BlobStore.Staged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chunked AEAD format through a real {@link FileBlobStore} with encryption on, in a temporary data folder. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChunkedEncryptionTest {

    private static final int CHUNK = BlobCipher.CHUNK_BYTES;
    private static final int SEALED = CHUNK + ChunkSealer.TAG_BYTES;

    @TempDir
    Path dataDir;

    private FileBlobStore store;

    @BeforeEach
    void encryptingStore() throws IOException {
        store = new FileBlobStore(dataDir, true);
    }

    @AfterEach
    void removeMemoryStaging() {
        store.deactivate();
    }

    static byte[] bytes(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    static byte[] read(FileBlobStore store, String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }

    private String upload(byte[] content) throws IOException {
        try (Staged staged = store.stage(new ByteArrayInputStream(content), Long.MAX_VALUE)) {
            return staged.commit();
        }
    }

    private static long expectedSize(long plain) {
        long chunks = Math.max(1, (plain + CHUNK - 1) / CHUNK);
        return BlobCipher.HEADER_BYTES + chunks * ChunkSealer.TAG_BYTES + plain;
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 5 * 1024 * 1024 + 17 })
    void uploadsRoundTripAtChunkEdgesAndTheFileIsHeaderPlusSealedChunks(int size) throws Exception {
        byte[] content = bytes(size, size);
        String key = upload(content);
        Path file = store.path(key);
        assertEquals(expectedSize(size), Files.size(file));
        assertArrayEquals(BlobCipher.MAGIC, Arrays.copyOf(Files.readAllBytes(file), BlobCipher.MAGIC.length));
        assertArrayEquals(content, read(store, key));
        // read back a byte at a time too, so chunk changes inside single reads are covered
        try (InputStream in = store.open(key)) {
            for (int i = 0; i < Math.min(size, CHUNK + 3); i++) {
                assertEquals(content[i] & 0xff, in.read(), "byte " + i);
            }
        }
    }

    @Test
    void anEmptyRenditionIsOneEmptyFinalChunk() throws Exception {
        String key = store.put(new byte[0]);
        assertEquals(expectedSize(0), Files.size(store.path(key)));
        assertArrayEquals(new byte[0], read(store, key));
        byte[] thumb = bytes(CHUNK + 1, 9);
        String thumbKey = store.put(thumb);
        assertEquals(expectedSize(CHUNK + 1), Files.size(store.path(thumbKey)));
        assertArrayEquals(thumb, read(store, thumbKey));
    }

    @Test
    void uploadsWaitInAPrivateMemoryFolderNeverOnDisk() throws Exception {
        byte[] content = bytes(100_000, 1);
        Path stagedFile;
        try (Staged staged = store.stage(new ByteArrayInputStream(content), 1_000_000)) {
            stagedFile = staged.file();
            assertEquals("tmpfs", Files.getFileStore(stagedFile).type());
            assertFalse(stagedFile.startsWith(dataDir), stagedFile + " is inside the data folder");
            assertEquals("rwx------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(stagedFile.getParent())));
            assertArrayEquals(content, Files.readAllBytes(stagedFile), "the decoders read it by path");
            staged.commit();
        }
        assertFalse(Files.exists(stagedFile));
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                byte[] onDisk = Files.readAllBytes(file);
                assertFalse(contains(onDisk, Arrays.copyOfRange(content, 5000, 5032)), file + " holds plain bytes");
            }
        }
        Path folder = stagedFile.getParent();
        store.deactivate();
        assertFalse(Files.exists(folder), "the memory folder goes with the store");
    }

    @Test
    void aChangedByteIsDetected() throws Exception {
        String key = upload(bytes(3 * CHUNK + 500, 2));
        byte[] onDisk = Files.readAllBytes(store.path(key));
        onDisk[BlobCipher.HEADER_BYTES + SEALED + 1000] ^= 0x20; // inside the second chunk
        Files.write(store.path(key), onDisk);
        DamagedBlobException e = assertThrows(DamagedBlobException.class, () -> read(store, key));
        assertTrue(e.getMessage().contains("chunk 1 "), e.getMessage());
    }

    @Test
    void swappedChunksAreDetected() throws Exception {
        String key = upload(bytes(3 * CHUNK + 500, 3));
        byte[] onDisk = Files.readAllBytes(store.path(key));
        byte[] swapped = onDisk.clone();
        int first = BlobCipher.HEADER_BYTES;
        System.arraycopy(onDisk, first, swapped, first + SEALED, SEALED);
        System.arraycopy(onDisk, first + SEALED, swapped, first, SEALED);
        Files.write(store.path(key), swapped);
        DamagedBlobException e = assertThrows(DamagedBlobException.class, () -> store.open(key),
                "the first chunk is checked before open returns");
        assertTrue(e.getMessage().contains("chunk 0 "), e.getMessage());
    }

    @Test
    void truncationAtAChunkBoundaryIsDetected() throws Exception {
        String key = upload(bytes(3 * CHUNK, 4)); // three full chunks, the last one final
        Path file = store.path(key);
        byte[] onDisk = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(onDisk, BlobCipher.HEADER_BYTES + 2 * SEALED));
        DamagedBlobException e = assertThrows(DamagedBlobException.class, () -> read(store, key));
        assertTrue(e.getMessage().contains("chunk 1 (at the end of the file)"), e.getMessage());

        Files.write(file, Arrays.copyOf(onDisk, BlobCipher.HEADER_BYTES));
        assertTrue(assertThrows(DamagedBlobException.class, () -> store.open(key)).getMessage().contains("truncated"));
        Files.write(file, Arrays.copyOf(onDisk, BlobCipher.HEADER_BYTES - 1));
        assertThrows(DamagedBlobException.class, () -> store.open(key));
    }

    @Test
    void aDroppedFinalChunkIsDetected() throws Exception {
        String key = upload(bytes(2 * CHUNK + 300, 5)); // two full chunks and a short final one
        Path file = store.path(key);
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), BlobCipher.HEADER_BYTES + 2 * SEALED));
        try (InputStream in = store.open(key)) {
            assertEquals(CHUNK, in.readNBytes(CHUNK).length, "the first chunk is whole and authentic");
            assertThrows(DamagedBlobException.class, in::readAllBytes);
        }
    }

    @Test
    void bytesAfterTheFinalChunkAreDetected() throws Exception {
        byte[] content = bytes(CHUNK + 10, 6);
        String key = upload(content);
        Path file = store.path(key);
        byte[] onDisk = Files.readAllBytes(file);
        byte[] extended = Arrays.copyOf(onDisk, onDisk.length + SEALED);
        System.arraycopy(onDisk, BlobCipher.HEADER_BYTES, extended, onDisk.length, SEALED);
        Files.write(file, extended);
        assertThrows(DamagedBlobException.class, () -> read(store, key));
    }

    @Test
    void aFileMovedToAnotherNameOrUnderAnotherKeyDoesNotOpen() throws Exception {
        String one = upload(bytes(1000, 7));
        String two = upload(bytes(1000, 8));
        Files.copy(store.path(one), store.path(two), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThrows(DamagedBlobException.class, () -> store.open(two), "the content key is bound into the file key");

        store.deactivate();
        Files.write(dataDir.resolve("blob.key"), bytes(BlobKey.KEY_BYTES, 99));
        store = new FileBlobStore(dataDir, true);
        DamagedBlobException e = assertThrows(DamagedBlobException.class, () -> store.open(one));
        assertTrue(e.getMessage().contains("encrypted with another key"), e.getMessage());
    }

    @Test
    void aFileWithoutAHeaderIsRefusedWhileEncryptionIsOn() throws Exception {
        byte[] content = bytes(5000, 10);
        String key = upload(content);
        Files.write(store.path(key), content); // the right bytes, but in the clear
        DamagedBlobException e = assertThrows(DamagedBlobException.class, () -> store.open(key));
        assertTrue(e.getMessage().contains("no encryption header"), e.getMessage());

        // a header of a version this server does not know
        String futureKey = upload(bytes(10, 11));
        byte[] onDisk = Files.readAllBytes(store.path(futureKey));
        onDisk[BlobCipher.MAGIC.length] = 9;
        Files.write(store.path(futureKey), onDisk);
        assertTrue(assertThrows(DamagedBlobException.class, () -> store.open(futureKey)).getMessage()
                .contains("format version 9"));
    }

    @Test
    void switchedOffEncryptedFilesStayReadableAndNewOnesArePlain() throws Exception {
        byte[] secret = bytes(CHUNK * 2 + 1, 12);
        String key = upload(secret);
        store.deactivate();
        store = new FileBlobStore(dataDir, false);
        assertArrayEquals(secret, read(store, key));
        byte[] later = bytes(2000, 13);
        String laterKey = upload(later);
        assertArrayEquals(later, Files.readAllBytes(store.path(laterKey)));
        assertEquals(List.of(), Files.list(dataDir.resolve("blobs/tmp")).toList());
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
