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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.spi.storage.BlobStore.Staged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileBlobStoreTest {

    @TempDir
    Path dataDir;

    private static byte[] bytes(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    private static String sha(byte[] content) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static byte[] read(FileBlobStore store, String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }

    private List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void stageCommitOpenRoundTripInTheContentAddressedLayout() throws Exception {
        FileBlobStore store = new FileBlobStore(dataDir, false);
        byte[] content = bytes(300_000, 1);
        String key;
        try (Staged staged = store.stage(new ByteArrayInputStream(content), 1_000_000)) {
            assertEquals(content.length, staged.size());
            assertEquals(sha(content), staged.sha256());
            assertTrue(staged.file().startsWith(dataDir.resolve("blobs/tmp")));
            assertArrayEquals(content, Files.readAllBytes(staged.file()));
            key = staged.commit();
        }
        assertEquals(sha(content), key);
        Path stored = dataDir.resolve("blobs").resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
        assertArrayEquals(content, Files.readAllBytes(stored), "stored plain by default");
        assertTrue(store.exists(key));
        assertArrayEquals(content, read(store, key));
        assertEquals(List.of(), files(dataDir.resolve("blobs/tmp")), "nothing left in staging");

        // the same content again: the commit only drops the staged copy
        try (Staged again = store.stage(new ByteArrayInputStream(content), 1_000_000)) {
            assertEquals(key, again.commit());
        }
        assertEquals(List.of(stored), files(dataDir.resolve("blobs")));

        // put: renditions
        byte[] thumb = bytes(1000, 2);
        String thumbKey = store.put(thumb);
        assertEquals(sha(thumb), thumbKey);
        assertEquals(thumbKey, store.put(thumb));
        assertArrayEquals(thumb, read(store, thumbKey));

        store.remove(key);
        assertFalse(store.exists(key));
        assertThrows(NoSuchFileException.class, () -> store.open(key));
        assertFalse(store.exists("../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> store.open("../blob.key"));
    }

    @Test
    void anUncommittedStageIsDeletedOnClose() throws Exception {
        FileBlobStore store = new FileBlobStore(dataDir, false);
        Path file;
        try (Staged staged = store.stage(new ByteArrayInputStream(bytes(10, 3)), 100)) {
            file = staged.file();
            assertTrue(Files.exists(file));
        }
        assertFalse(Files.exists(file));
        assertFalse(store.exists(sha(bytes(10, 3))));
    }

    @Test
    void tooLargeStopsReadingAndLeavesNothing() throws Exception {
        FileBlobStore store = new FileBlobStore(dataDir, false);
        AtomicLong served = new AtomicLong();
        // an endless stream: the store must stop on its own
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 7;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                Arrays.fill(buffer, offset, offset + length, (byte) 7);
                served.addAndGet(length);
                return length;
            }
        };
        GalleristException e = assertThrows(GalleristException.class, () -> store.stage(endless, 1024 * 1024));
        assertEquals(ErrorCode.TOO_LARGE, e.code());
        assertEquals("The upload is larger than the limit of 1 MB.", e.getMessage());
        assertTrue(served.get() < 2 * 1024 * 1024);
        assertEquals(List.of(), files(dataDir.resolve("blobs")));

        // exactly at the limit is fine
        try (Staged staged = store.stage(new ByteArrayInputStream(bytes(1000, 4)), 1000)) {
            assertEquals(1000, staged.size());
        }
    }

    @Test
    void emptyInputIsRejected() throws Exception {
        FileBlobStore store = new FileBlobStore(dataDir, false);
        GalleristException e = assertThrows(GalleristException.class,
                () -> store.stage(new ByteArrayInputStream(new byte[0]), 1000));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertEquals("No image data was received.", e.getMessage());
        assertEquals(List.of(), files(dataDir.resolve("blobs")));
    }

    @Test
    void encryptedFilesAreNotPlaintextAndStillOpen() throws Exception {
        FileBlobStore store = new FileBlobStore(dataDir, true);
        try {
            encryptedFilesAreNotPlaintextAndStillOpen(store);
        } finally {
            store.deactivate();
        }
    }

    private void encryptedFilesAreNotPlaintextAndStillOpen(FileBlobStore store) throws Exception {
        Path keyFile = dataDir.resolve("blob.key");
        assertEquals(32, Files.size(keyFile));
        if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        }
        byte[] content = "a very recognisable plaintext ".repeat(5000).getBytes();
        String key;
        try (Staged staged = store.stage(new ByteArrayInputStream(content), 10_000_000)) {
            key = staged.commit();
        }
        assertEquals(sha(content), key, "the key is the plain content's hash");
        byte[] onDisk = Files.readAllBytes(store.path(key));
        assertFalse(new String(onDisk, java.nio.charset.StandardCharsets.ISO_8859_1).contains("recognisable"));
        assertArrayEquals(BlobCipher.MAGIC, Arrays.copyOf(onDisk, BlobCipher.MAGIC.length));
        assertArrayEquals(content, read(store, key));
        assertEquals(List.of(), files(dataDir.resolve("blobs/tmp")), "no plaintext left in staging");

        byte[] thumb = bytes(5000, 5);
        String thumbKey = store.put(thumb);
        assertFalse(Arrays.equals(thumb, Files.readAllBytes(store.path(thumbKey))));
        assertArrayEquals(thumb, read(store, thumbKey));

        // the key survives a restart; switching encryption off keeps encrypted files readable
        FileBlobStore plainAgain = new FileBlobStore(dataDir, false);
        assertArrayEquals(content, read(plainAgain, key));

        // a tampered file does not decrypt silently
        onDisk[onDisk.length - 40] ^= 1;
        Files.write(store.path(key), onDisk);
        assertThrows(IOException.class, () -> read(store, key));
    }

    @Test
    void plainFilesWrittenBeforeEncryptionWasSwitchedOnAreEncryptedAtStartAndStillOpen() throws Exception {
        byte[] old = bytes(20_000, 6);
        String oldKey = new FileBlobStore(dataDir, false).put(old);

        FileBlobStore encrypted = new FileBlobStore(dataDir, true);
        try {
            assertArrayEquals(BlobCipher.MAGIC, Arrays.copyOf(Files.readAllBytes(encrypted.path(oldKey)),
                    BlobCipher.MAGIC.length), "rewritten encrypted at start");
            assertArrayEquals(old, read(encrypted, oldKey));
            assertEquals(oldKey, encrypted.put(old));
            assertArrayEquals(old, read(encrypted, oldKey));
        } finally {
            encrypted.deactivate();
        }
    }

    @Test
    void sweepRemovesStagingLeftoversAndUnreferencedBlobs() throws Exception {
        FileBlobStore store = new FileBlobStore(dataDir, false);
        String kept = store.put(bytes(100, 7));
        String orphan = store.put(bytes(100, 8));
        Staged crashed = store.stage(new ByteArrayInputStream(bytes(100, 9)), 1000); // never committed nor closed
        Files.writeString(dataDir.resolve("blobs/tmp/put-123.part"), "half written");

        assertEquals(3, store.sweep(Set.of(kept)));
        assertTrue(store.exists(kept));
        assertFalse(store.exists(orphan));
        assertFalse(Files.exists(crashed.file()));
        assertEquals(List.of(store.path(kept)), files(dataDir.resolve("blobs")));
        assertTrue(Files.isDirectory(dataDir.resolve("blobs/tmp")), "staging stays usable");
        assertEquals(0, store.sweep(Set.of(kept)));
    }
}
