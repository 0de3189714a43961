package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Switching encryption at rest on and off through the server configuration; no file ever becomes unreadable. */
class EncryptionAtRestTest {

    private static final byte[] ENCRYPTED_MARK = "GLRY-AESGCM-1".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    @Test
    void encryptedFilesHideTheirBytesAndStayReadableAfterSwitchingOff() throws Exception {
        Path data = server.dataDir();
        byte[] plainFirst = TestImages.png(70, 200, 150);
        byte[] secret = TestImages.png(71, 600, 400); // larger than a thumbnail, so three distinct files
        byte[] plainLater = TestImages.png(72, 200, 150);
        server.signUp("alice");
        long first = upload("First", plainFirst);

        server.startWith(Map.of("encryptAtRest", true));
        long encrypted = upload("Secret", secret);
        assertTrue(Files.isRegularFile(data.resolve("blob.key")), "the key lives in the data folder");
        assertEquals(Files.size(data.resolve("blob.key")) > 0, true);
        assertArrayEquals(plainFirst, content(first), "files from before stay readable");
        server.stop();
        assertFalse(anyBlobContains(data, secret), "the secret's bytes are on disk nowhere in the clear");
        assertTrue(anyBlobContains(data, plainFirst), "files written without encryption stay as they were");
        assertTrue(countBlobsStartingWith(data, ENCRYPTED_MARK) >= 3, "original, thumbnail and preview encrypted");

        server.startWith(Map.of());
        long later = upload("Later", plainLater);
        assertArrayEquals(secret, content(encrypted), "switched off, encrypted files stay readable");
        assertArrayEquals(plainLater, content(later));
        server.stop();
        assertTrue(anyBlobContains(data, plainLater));
    }

    // a restarted server keeps its host key, so one known_hosts file serves every run
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

    private static boolean anyBlobContains(Path data, byte[] content) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return Arrays.equals(Files.readAllBytes(file), content);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private static long countBlobsStartingWith(Path data, byte[] prefix) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).count();
        }
    }
}
