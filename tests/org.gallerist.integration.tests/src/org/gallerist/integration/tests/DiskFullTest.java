package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * The server's data folder on a small disk of its own ({@link SmallDisk}), filled up by a ballast file: uploads are
 * refused with {@code storage_full} naming the limit, every image acknowledged before stays listed and whole (also
 * after a restart), the session goes on working, and uploads work again once there is room.
 */
class DiskFullTest {

    private static final int MAX_UPLOADS = 40;
    private static final long MB = 1024L * 1024;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().under(SmallDisk::folder)
            .with("modelEnabled", false);

    @Test
    void uploadsStopAtTheReserveAndNothingAcknowledgedIsLost() throws Exception {
        server.with("diskReserveMegabytes", 8);
        GalleristSession alice = server.signedUp("alice");
        Map<Long, byte[]> stored = new LinkedHashMap<>();
        stored.put(add(alice, 1), TestImages.noisyPng(1, 600, 600));
        Path ballast = SmallDisk.fillLeaving(server.folder(), "ballast", 14 * MB);

        GalleristException refused = uploadUntilRefused(alice, stored, 2);
        assertEquals(ErrorCode.STORAGE_FULL, refused.code(), refused.getMessage());
        assertEquals(Map.of("limit", "disk_reserve", "max", 8 * MB), refused.details(), refused.getMessage());
        assertTrue(SmallDisk.usable(server.folder()) > 4 * MB, "the reserve kept room for the database");
        assertAllThere(alice, stored);

        Files.delete(ballast);
        stored.put(add(alice, 100), TestImages.noisyPng(100, 600, 600));
        assertAllThere(alice, stored);
        server.stop();
        server.startAgain();
        assertAllThere(server.logIn("alice"), stored);
    }

    @Test
    void withoutAReserveTheFullDiskIsAnsweredAsStorageFullAndNothingAcknowledgedIsLost() throws Exception {
        server.with("diskReserveMegabytes", 0);
        GalleristSession alice = server.signedUp("alice");
        Map<Long, byte[]> stored = new LinkedHashMap<>();
        stored.put(add(alice, 1), TestImages.noisyPng(1, 600, 600));
        Path ballast = SmallDisk.fillLeaving(server.folder(), "ballast", 6 * MB);

        GalleristException refused = uploadUntilRefused(alice, stored, 2);
        assertEquals(ErrorCode.STORAGE_FULL, refused.code(), refused.getMessage());
        assertEquals(Map.of("limit", "disk"), refused.details(), refused.getMessage());
        assertFalse(refused.getMessage().contains("No space"), "no system message: " + refused.getMessage());
        assertAllThere(alice, stored);

        Files.delete(ballast);
        stored.put(add(alice, 100), TestImages.noisyPng(100, 600, 600));
        server.stop();
        server.startAgain();
        assertAllThere(server.logIn("alice"), stored);
    }

    /** Uploads distinct images of about 1 MB each until the server refuses one; returns the refusal. */
    private static GalleristException uploadUntilRefused(GalleristSession session, Map<Long, byte[]> stored,
            int firstSeed) throws IOException {
        for (int seed = firstSeed; seed < firstSeed + MAX_UPLOADS; seed++) {
            byte[] image = TestImages.noisyPng(seed, 600, 600);
            try {
                stored.put(add(session, image), image);
            } catch (GalleristException e) {
                return e;
            }
        }
        throw new AssertionError("the server took " + MAX_UPLOADS + " uploads of about 1 MB on a small disk");
    }

    private static long add(GalleristSession session, int seed) throws IOException {
        return add(session, TestImages.noisyPng(seed, 600, 600));
    }

    private static long add(GalleristSession session, byte[] image) {
        return session.images().add(new NewImage("Noise", "", List.of(), BigDecimal.ONE, 1, Visibility.PUBLIC), image)
                .id();
    }

    private static void assertAllThere(GalleristSession session, Map<Long, byte[]> stored) {
        List<Long> listed = session.images().list(new ImageQuery(List.of(), false, "", true, 200, null)).items()
                .stream().map(Image::id).toList();
        assertEquals(stored.keySet().stream().sorted().toList(), listed.stream().sorted().toList(),
                "exactly the acknowledged images are listed");
        stored.forEach((id, bytes) -> {
            assertArrayEquals(bytes, session.images().content(id, ImageSize.ORIGINAL), "image #" + id + " whole");
            assertNotNull(session.images().content(id, ImageSize.THUMB), "image #" + id + "'s thumbnail");
        });
    }
}
