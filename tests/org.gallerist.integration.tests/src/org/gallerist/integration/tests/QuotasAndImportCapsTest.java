package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.ImportResult;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImportDefaults;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Per-user quotas and the caps of one tar import, configured small, over real SSH. */
class QuotasAndImportCapsTest {

    private static final List<String> IMPORT = List.of("images", "import", "--price", "1", "--quantity", "1");
    private static final ImportDefaults DEFAULTS = new ImportDefaults("", List.of(), BigDecimal.ONE, 1,
            Visibility.PUBLIC);

    @TempDir
    Path temp;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false)
            .with("maxImagesPerUser", 3L).with("maxStoredBytesPerUser", 100_000L)
            .with("maxImportEntries", 4).with("maxImportEntryBytes", 20_000L).with("maxImportBytes", 45_000L);

    private GalleristSession bob;
    private GalleristSession carol;

    @BeforeEach
    void start() {
        server.signUp("alice"); // the admin; bob and carol are held to the quotas
        bob = server.signedUp("bob");
        carol = server.signedUp("carol");
    }

    private static NewImage named(String name) {
        return new NewImage(name, "", List.of(), BigDecimal.ONE, 1, Visibility.PUBLIC);
    }

    private static void exceeded(String limit, long max, GalleristException e) {
        assertEquals(ErrorCode.QUOTA_EXCEEDED, e.code(), e.getMessage());
        assertEquals(Map.of("limit", limit, "max", max), e.details());
    }

    private int count(GalleristSession who) {
        return who.images().list(new ImageQuery(List.of(), false, "", true, 200, null)).items().size();
    }

    @Test
    void theImageCountAndStoredBytesQuotasRefuseTheUploadThatWouldExceedThem() throws Exception {
        long first = bob.images().add(named("One"), TestImages.png(1, 40, 40)).id();
        bob.images().add(named("Two"), TestImages.png(2, 40, 40));
        bob.images().add(named("Three"), TestImages.png(3, 40, 40));
        GalleristException fourth = assertThrows(GalleristException.class,
                () -> bob.images().add(named("Four"), TestImages.png(4, 40, 40)));
        exceeded("images", 3, fourth);
        assertTrue(fourth.getMessage().contains("at most 3"), fourth.getMessage());
        assertEquals(3, count(bob));
        bob.images().delete(List.of(first));
        bob.images().add(named("Four"), TestImages.png(4, 40, 40));
        assertEquals(3, count(bob), "a deleted image makes room again");

        byte[] heavy = TestImages.noisyPng(5, 160, 160); // about 77 kB
        assertTrue(heavy.length > 60_000 && heavy.length < 100_000, heavy.length + " bytes");
        carol.images().add(named("Heavy"), heavy);
        GalleristException bytes = assertThrows(GalleristException.class,
                () -> carol.images().add(named("Heavier"), TestImages.noisyPng(6, 160, 160)));
        exceeded("stored_bytes", 100_000, bytes);
        assertTrue(bytes.getMessage().contains("97.7 KiB"), bytes.getMessage());
        assertEquals(1, count(carol));
        carol.images().add(named("Small"), TestImages.png(7, 30, 30));
        assertEquals(2, count(carol), "what fits still fits");
    }

    @Test
    void aFileOverThePerFileLimitIsRefusedAloneAndTheArchiveLimitsStopTheImport() throws Exception {
        byte[] small = TestImages.png(10, 30, 30);
        byte[] large = TestImages.noisyPng(11, 90, 90); // about 24 kB
        assertTrue(large.length > 20_000 && small.length < 5_000, large.length + " / " + small.length);
        Path mixed = TarImportTest.tar(temp.resolve("mixed.tar"), archive -> {
            TarImportTest.file(archive, "small.png", small);
            TarImportTest.file(archive, "large.png", large);
        });
        List<ImportResult> results = bob.images().importTar(DEFAULTS, mixed);
        assertTrue(results.get(0).imported(), results.toString());
        assertEquals(ErrorCode.TOO_LARGE, results.get(1).error());
        assertTrue(results.get(1).message().contains("at most 20000"), results.get(1).message());
        assertEquals(1, count(bob));

        Path many = TarImportTest.tar(temp.resolve("many.tar"), archive -> {
            for (int i = 0; i < 6; i++) {
                TarImportTest.file(archive, "f" + i + ".png", TestImages.png(20 + i, 20, 20));
            }
        });
        GalleristException entries = assertThrows(GalleristException.class,
                () -> carol.exec(IMPORT, Files.readAllBytes(many)));
        assertEquals(ErrorCode.TOO_LARGE, entries.code());
        assertEquals(Map.of("limit", "import_entries", "max", 4L), entries.details());
        assertTrue(entries.getMessage().contains("after the 4 files above"), entries.getMessage());
        assertEquals(3, count(carol), "the quota of 3 images refused the fourth entry");

        byte[] almost = TestImages.noisyPng(30, 80, 80); // about 19 kB: under the per-file limit
        assertTrue(almost.length < 20_000 && 3 * almost.length > 45_000, almost.length + " bytes");
        Path heavy = TarImportTest.tar(temp.resolve("heavy.tar"), archive -> {
            for (int i = 0; i < 3; i++) {
                TarImportTest.file(archive, "h" + i + ".png", TestImages.noisyPng(30 + i, 80, 80));
            }
        });
        server.signUp("dave");
        GalleristSession dave = server.logIn("dave");
        GalleristException total = assertThrows(GalleristException.class,
                () -> dave.exec(IMPORT, Files.readAllBytes(heavy)));
        assertEquals(ErrorCode.TOO_LARGE, total.code());
        assertEquals(Map.of("limit", "import_bytes", "max", 45_000L), total.details());
        assertEquals(2, count(dave), "the files before the one that would go over were imported");
    }
}
