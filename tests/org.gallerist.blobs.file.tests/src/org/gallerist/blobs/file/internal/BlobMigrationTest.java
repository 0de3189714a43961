package org.gallerist.blobs.file.internal;

import static org.gallerist.blobs.file.internal.ChunkedEncryptionTest.bytes;
import static org.gallerist.blobs.file.internal.ChunkedEncryptionTest.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.gallerist.blobs.file.internal.BlobCipher.Format;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data folders written before the chunked format: files of the whole-file AES-GCM format (written here by the old
 * algorithm, reimplemented below as it was) and plain files open after the upgrade, rewritten in the chunked format.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BlobMigrationTest {

    @TempDir
    Path dataDir;

    private final List<FileBlobStore> stores = new ArrayList<>();

    @AfterEach
    void removeMemoryStaging() {
        stores.forEach(FileBlobStore::deactivate);
    }

    private FileBlobStore store(boolean encrypt) throws Exception {
        FileBlobStore store = new FileBlobStore(dataDir, encrypt);
        stores.add(store);
        return store;
    }

    /** The format before: magic, 12-byte random nonce, AES-256-GCM of the whole file with the content key as AAD. */
    private static byte[] wholeFileFormat(byte[] master, byte[] content, String key) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(master, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(key.getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GLRY-AESGCM-1\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(nonce);
        out.writeBytes(cipher.doFinal(content));
        return out.toByteArray();
    }

    private static String sha(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private Path blobPath(String key) {
        return dataDir.resolve("blobs").resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private String writeOld(byte[] master, byte[] content, boolean encrypted) throws Exception {
        String key = sha(content);
        Files.createDirectories(blobPath(key).getParent());
        Files.write(blobPath(key), encrypted ? wholeFileFormat(master, content, key) : content);
        return key;
    }

    private byte[] oldKeyFile() throws Exception {
        byte[] master = bytes(32, 42);
        Files.write(dataDir.resolve("blob.key"), master);
        return master;
    }

    @Test
    void wholeFileAndPlainFilesAreRewrittenInTheChunkedFormatAtStart() throws Exception {
        byte[] master = oldKeyFile();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (int size : new int[] { 0, 1, 15, BlobCipher.CHUNK_BYTES, 3 * 1024 * 1024 + 5 }) {
            byte[] content = bytes(size, size);
            contents.put(writeOld(master, content, true), content);
        }
        byte[] plain = bytes(200_000, 7);
        String plainKey = writeOld(master, plain, false);
        for (String key : contents.keySet()) {
            assertEquals(Format.WHOLE_FILE, BlobMigration.formatOf(blobPath(key)), "written in the old format");
        }

        FileBlobStore store = store(true);
        contents.put(plainKey, plain);
        for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
            assertEquals(Format.CHUNKED, BlobMigration.formatOf(blobPath(entry.getKey())));
            assertArrayEquals(entry.getValue(), read(store, entry.getKey()));
        }
        assertEquals(List.of(), Files.list(dataDir.resolve("blobs/tmp")).toList(), "no migration leftovers");
        assertArrayEquals(master, Files.readAllBytes(dataDir.resolve("blob.key")), "the key is kept");
    }

    @Test
    void withEncryptionOffWholeFileFilesAreRewrittenAndPlainOnesLeftAlone() throws Exception {
        byte[] master = oldKeyFile();
        byte[] secret = bytes(100_000, 1);
        byte[] plain = bytes(100_000, 2);
        String secretKey = writeOld(master, secret, true);
        String plainKey = writeOld(master, plain, false);
        FileBlobStore store = store(false);
        assertEquals(Format.CHUNKED, BlobMigration.formatOf(blobPath(secretKey)), "stays encrypted");
        assertArrayEquals(plain, Files.readAllBytes(blobPath(plainKey)), "stays plain");
        assertArrayEquals(secret, read(store, secretKey));
        assertArrayEquals(plain, read(store, plainKey));
    }

    @Test
    void aDamagedOldFileIsLeftAsItWasAndRefusedOnRead() throws Exception {
        byte[] master = oldKeyFile();
        byte[] good = bytes(50_000, 3);
        byte[] damaged = bytes(50_000, 4);
        String goodKey = writeOld(master, good, true);
        String damagedKey = writeOld(master, damaged, true);
        byte[] onDisk = Files.readAllBytes(blobPath(damagedKey));
        onDisk[1000] ^= 1;
        Files.write(blobPath(damagedKey), onDisk);
        String plainDamagedKey = writeOld(master, bytes(1000, 5), false);
        Files.write(blobPath(plainDamagedKey), bytes(1000, 6));

        FileBlobStore store = store(true);
        assertArrayEquals(good, read(store, goodKey));
        assertArrayEquals(onDisk, Files.readAllBytes(blobPath(damagedKey)), "not rewritten, not deleted");
        DamagedBlobException e = assertThrows(DamagedBlobException.class, () -> read(store, damagedKey));
        assertTrue(e.getMessage().contains("hashes to"), e.getMessage());
        assertThrows(DamagedBlobException.class, () -> read(store, plainDamagedKey));
    }

    @Test
    void anOldFileRestoredAfterTheStartIsRewrittenWhenFirstRead() throws Exception {
        byte[] master = oldKeyFile();
        FileBlobStore store = store(true);
        assertTrue(Files.exists(dataDir.resolve("blobs/.all-chunked")), "the next start need not look again");
        byte[] restored = bytes(70_000, 8);
        String key = writeOld(master, restored, true);
        assertArrayEquals(restored, read(store, key));
        assertEquals(Format.CHUNKED, BlobMigration.formatOf(blobPath(key)));
    }

    @Test
    void aPlainFileWrittenWhileEncryptionWasOffIsEncryptedWhenItIsSwitchedOnAgain() throws Exception {
        store(true);
        byte[] plain = bytes(10_000, 9);
        String key = store(false).put(plain);
        assertArrayEquals(plain, Files.readAllBytes(blobPath(key)));
        FileBlobStore again = store(true);
        assertEquals(Format.CHUNKED, BlobMigration.formatOf(blobPath(key)));
        assertArrayEquals(plain, read(again, key));
    }

    @Test
    void aCrashLeftoverOfAMigrationIsSweptAndTheOldFileStillReads() throws Exception {
        byte[] master = oldKeyFile();
        byte[] content = bytes(30_000, 10);
        String key = writeOld(master, content, true);
        // a crash before the rename: the new file only half written in staging, the old one untouched
        Files.createDirectories(dataDir.resolve("blobs/tmp"));
        Files.write(dataDir.resolve("blobs/tmp/migrate-1.part"), bytes(500, 11));
        FileBlobStore store = store(true);
        assertArrayEquals(content, read(store, key));
        assertEquals(1, store.sweep(java.util.Set.of(key)));
    }
}
