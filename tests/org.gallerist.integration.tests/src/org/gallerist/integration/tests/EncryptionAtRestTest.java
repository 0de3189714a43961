package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.SmallDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Encryption at rest through the server configuration, over SSH: uploads are stored in the chunked format and read
 * back whole, plain files are encrypted when it is switched on, switching it off loses nothing, and a file replaced by
 * bytes without the header is refused with a clean error rather than served.
 */
class EncryptionAtRestTest {

    private static final byte[] CHUNKED_MAGIC = "GLRY-AEAD\n".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    @Test
    void uploadsAreEncryptedInChunksPlainFilesGetEncryptedAndSwitchingOffLosesNothing() throws Exception {
        Path data = server.dataDir();
        byte[] plainFirst = TestImages.png(70, 200, 150);
        byte[] secret = TestImages.noisyPng(71, 400, 300); // about 360 kB: several 64 KiB chunks
        byte[] plainLater = TestImages.png(72, 200, 150);
        server.signUp("alice");
        long first = upload("First", plainFirst);
        assertTrue(anyFileContains(data.resolve("blobs"), slice(plainFirst)), "stored plain while it is off");

        server.startWith(Map.of("encryptAtRest", true));
        long encrypted = upload("Secret", secret);
        assertArrayEquals(secret, content(encrypted), "read back whole over SSH");
        assertArrayEquals(plainFirst, content(first), "the file from before reads, now encrypted");
        assertTrue(Files.isRegularFile(data.resolve("blob.key")), "the key lives in the data folder");
        server.stop();
        assertFalse(anyFileContains(data, slice(secret)), "the secret is nowhere in the data folder in the clear");
        assertFalse(anyFileContains(data.resolve("blobs"), slice(plainFirst)), "encrypted when switched on");
        assertEquals(List.of(), blobsNotStartingWith(data, CHUNKED_MAGIC), "every file is in the chunked format");

        server.startWith(Map.of());
        long later = upload("Later", plainLater);
        assertArrayEquals(secret, content(encrypted), "switched off, encrypted files stay readable");
        assertArrayEquals(plainLater, content(later));
        server.stop();
        assertTrue(anyFileContains(data.resolve("blobs"), slice(plainLater)), "new files plain while it is off");

        server.startWith(Map.of("encryptAtRest", true));
        assertArrayEquals(plainLater, content(later));
        server.stop();
        assertEquals(List.of(), blobsNotStartingWith(data, CHUNKED_MAGIC), "switched on again: all encrypted");
    }

    @Test
    void aFileReplacedByPlainBytesIsRefusedWithACleanError() throws Exception {
        server.with("encryptAtRest", true);
        byte[] image = TestImages.noisyPng(73, 300, 200);
        server.signUp("alice");
        long id = upload("Secret", image);
        server.stop();
        String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        Path file = server.dataDir().resolve("blobs").resolve(key.substring(0, 2)).resolve(key.substring(2, 4))
                .resolve(key);
        Files.write(file, image); // what an intruder with write access to the folder could do

        server.startAgain();
        GalleristException e = assertThrows(GalleristException.class, () -> content(id));
        assertEquals(ErrorCode.INTERNAL, e.code(), e.getMessage());
        assertFalse(e.getMessage().contains(file.toString()), "the detail stays in the server log: " + e.getMessage());
        try (GalleristSession alice = server.logIn("alice")) {
            assertTrue(alice.images().content(id, ImageSize.THUMB).length > 0, "the rest still serves");
        }
    }

    @Test
    void aFullMemoryStagingFolderAnswersStorageFullAndKeepsNothingOfTheUpload() throws Exception {
        Path memory = Files.createTempDirectory(SmallDisk.folder(), "staging-base-");
        server.afterStop(() -> Files.deleteIfExists(memory));
        server.with("encryptAtRest", true).with("stagingDir", memory.toString());
        server.signUp("alice");
        long first = upload("First", TestImages.png(74, 200, 150));
        Path ballast = SmallDisk.fillLeaving(memory, "ballast", 256 * 1024);
        server.afterStop(() -> Files.deleteIfExists(ballast));

        GalleristException full = assertThrows(GalleristException.class,
                () -> upload("Too big for the room left", TestImages.noisyPng(75, 600, 600)));
        assertEquals(ErrorCode.STORAGE_FULL, full.code(), full.getMessage());
        assertEquals(Map.of("limit", "disk"), full.details());
        try (Stream<Path> staged = Files.walk(memory)) {
            assertEquals(List.of(ballast), staged.filter(Files::isRegularFile).toList(), "nothing of it stays staged");
        }
        Files.delete(ballast);
        long later = upload("Later", TestImages.png(76, 200, 150));
        try (GalleristSession alice = server.logIn("alice")) {
            assertEquals(List.of(first, later), alice.images().list(new ImageQuery(List.of(), false, "", true, 60,
                    null)).items().stream().map(Image::id).sorted().toList(), "only the acknowledged uploads");
        }
    }

    private long upload(String name, byte[] image) {
        try (GalleristSession alice = server.logIn("alice")) {
            return alice.images().add(new NewImage(name, "", List.of(), BigDecimal.ONE, 1, Visibility.PRIVATE), image)
                    .id();
        }
    }

    private byte[] content(long id) {
        try (GalleristSession alice = server.logIn("alice")) {
            return alice.images().content(id, ImageSize.ORIGINAL);
        }
    }

    /** 64 bytes from the middle: would show in any file holding the content in the clear. */
    private static byte[] slice(byte[] content) {
        return Arrays.copyOfRange(content, content.length / 2, content.length / 2 + 64);
    }

    private static boolean anyFileContains(Path folder, byte[] needle) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).anyMatch(file -> indexOf(read(file), needle) >= 0);
        }
    }

    private static List<Path> blobsNotStartingWith(Path data, byte[] prefix) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("blobs"), 3)) {
            return files.filter(file -> Files.isRegularFile(file) && file.getFileName().toString().length() == 64)
                    .filter(file -> {
                        byte[] bytes = read(file);
                        return bytes.length < prefix.length
                                || !Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
                    }).toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
