package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.ImportResult;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImportDefaults;
import org.gallerist.api.image.Visibility;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code images import}: a tar of good and bad files over real SSH; bad entries never abort the others. Four files
 * are stored at a time (more than the build machine's cores), and the answers still follow the archive.
 */
class TarImportTest {

    private static final ImportDefaults DEFAULTS = new ImportDefaults("From the import", List.of("Holiday", "sea"),
            new BigDecimal("4.50"), 3, Visibility.PRIVATE);

    @TempDir
    Path temp;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("importWorkers", 4); // 4 at a time

    private GalleristSession alice;

    @BeforeEach
    void start() throws Exception {
        alice = server.signedUp("alice");
    }

    @Test
    void goodEntriesAreImportedAndEachBadOneIsReportedOnItsOwnLine() throws Exception {
        byte[] beach = TestImages.jpeg(1, 320, 200);
        Path tar = tar(temp.resolve("mixed.tar"), archive -> {
            file(archive, "Beach Day.jpeg", beach);
            file(archive, "notes.txt", "not an image".getBytes(StandardCharsets.UTF_8));
            directory(archive, "more/");
            file(archive, "more/sunset.png", TestImages.png(2, 64, 48));
            file(archive, "broken.jpg", TestImages.truncated(TestImages.jpeg(3, 400, 300)));
            file(archive, "again/beach-copy.jpg", beach);
            link(archive, "shortcut.jpg", "Beach Day.jpeg");
            file(archive, "empty.png", new byte[0]);
        });

        List<ImportResult> results = alice.images().importTar(DEFAULTS, tar);

        assertEquals(List.of("Beach Day.jpeg", "notes.txt", "more/sunset.png", "broken.jpg", "again/beach-copy.jpg",
                "shortcut.jpg", "empty.png"), results.stream().map(ImportResult::file).toList(), "directories skipped");
        Image first = results.get(0).image();
        assertEquals("Beach Day", first.name());
        assertEquals("From the import", first.description());
        assertEquals(List.of("holiday", "sea"), first.tags());
        assertEquals(new BigDecimal("4.50"), first.price());
        assertEquals(3, first.quantity());
        assertEquals(Visibility.PRIVATE, first.visibility());
        assertEquals(320, first.width());
        assertEquals("sunset", results.get(2).image().name());
        assertEquals(ErrorCode.NOT_AN_IMAGE, results.get(1).error());
        assertEquals(ErrorCode.CORRUPT_IMAGE, results.get(3).error());
        assertEquals(ErrorCode.DUPLICATE, results.get(4).error());
        assertTrue(results.get(4).message().contains("#" + first.id()), results.get(4).message());
        assertEquals(ErrorCode.INVALID_ARGUMENT, results.get(5).error());
        assertEquals(ErrorCode.INVALID_ARGUMENT, results.get(6).error());
        results.stream().filter(r -> !r.imported()).forEach(r -> assertNull(r.image()));

        assertEquals(2, mine().size(), "exactly the two good files were stored");
        assertEquals(beach.length, alice.images().content(first.id(), org.gallerist.api.image.ImageSize.ORIGINAL).length);
    }

    @Test
    void filesStoredSeveralAtATimeAreAnsweredInTheArchivesOrder() throws Exception {
        List<String> names = new java.util.ArrayList<>();
        Path tar = tar(temp.resolve("many.tar"), archive -> {
            for (int i = 0; i < 12; i++) {
                // big and small alternate, so later small files finish before earlier big ones
                byte[] image = i % 2 == 0 ? TestImages.noisyPng(100 + i, 900, 700) : TestImages.png(100 + i, 40, 30);
                names.add("photo-" + i + ".png");
                file(archive, names.get(names.size() - 1), image);
                if (i == 5) {
                    names.add("in-between.txt");
                    file(archive, "in-between.txt", "not an image".getBytes(StandardCharsets.UTF_8));
                }
            }
        });

        List<ImportResult> results = alice.images().importTar(DEFAULTS, tar);

        assertEquals(names, results.stream().map(ImportResult::file).toList(), "one line per file, in order");
        assertEquals(ErrorCode.NOT_AN_IMAGE, results.get(6).error());
        assertEquals(12, results.stream().filter(ImportResult::imported).count());
        assertEquals(results.stream().filter(ImportResult::imported).map(r -> r.image().id()).sorted().toList(),
                mine().stream().map(Image::id).sorted().toList(), "every acknowledged file is stored, nothing else");
    }

    @Test
    void aTruncatedArchiveKeepsWhatCameBeforeTheCut() throws Exception {
        Path whole = tar(temp.resolve("whole.tar"), archive -> {
            file(archive, "one.png", TestImages.png(10, 80, 60));
            file(archive, "two.png", TestImages.png(11, 800, 600));
            file(archive, "three.png", TestImages.png(12, 80, 60));
        });
        byte[] bytes = Files.readAllBytes(whole);
        int cut = 512 + padded(TestImages.png(10, 80, 60).length) + 512 + 700; // inside two.png's data
        Path truncated = Files.write(temp.resolve("truncated.tar"), Arrays.copyOf(bytes, cut));

        List<ImportResult> results = alice.images().importTar(DEFAULTS, truncated);

        assertEquals(2, results.size(), results.toString());
        assertTrue(results.get(0).imported());
        assertEquals("two.png", results.get(1).file());
        assertTrue(results.get(1).message().contains("ends in the middle"), results.get(1).message());
        assertEquals(List.of("one"), mine().stream().map(Image::name).toList());
        assertEquals("alice", alice.whoami().name(), "the session stays usable");
    }

    @Test
    void notATarAnEmptyInputAndBadSharedOptionsStoreNothing() throws Exception {
        GalleristException notTar = assertThrows(GalleristException.class,
                () -> alice.exec(List.of("images", "import", "--price", "1", "--quantity", "1"),
                        TestImages.png(20, 300, 300)));
        assertEquals(ErrorCode.INVALID_ARGUMENT, notTar.code());
        assertTrue(notTar.getMessage().contains("not a tar archive"), notTar.getMessage());

        GalleristException empty = assertThrows(GalleristException.class,
                () -> alice.exec(List.of("images", "import", "--price", "1", "--quantity", "1"), new byte[0]));
        assertTrue(empty.getMessage().contains("no files"), empty.getMessage());

        Path tar = tar(temp.resolve("fine.tar"), archive -> file(archive, "fine.png", TestImages.png(21, 40, 40)));
        byte[] archive = Files.readAllBytes(tar);
        Map<List<String>, ErrorCode> badOptions = Map.of(List.of("--price", "-1", "--quantity", "1"),
                ErrorCode.INVALID_ARGUMENT, List.of("--price", "1.005", "--quantity", "1"), ErrorCode.INVALID_ARGUMENT,
                List.of("--price", "1", "--quantity", "1", "--tag", "a/b"), ErrorCode.INVALID_ARGUMENT,
                List.of("--quantity", "1"), ErrorCode.USAGE, List.of("--price", "1", "--quantity", "x"), ErrorCode.USAGE,
                List.of("--price", "1", "--quantity", "1", "--name", "n"), ErrorCode.USAGE);
        badOptions.forEach((bad, code) -> {
            List<String> command = new java.util.ArrayList<>(List.of("images", "import"));
            command.addAll(bad);
            GalleristException e = assertThrows(GalleristException.class, () -> alice.exec(command, archive),
                    bad.toString());
            assertEquals(code, e.code(), bad + ": " + e.getMessage());
        });
        assertEquals(0, mine().size());
    }

    private List<Image> mine() {
        return alice.images().list(new ImageQuery(List.of(), false, "", true, 200, null)).items();
    }

    private static int padded(int size) {
        return (size + 511) / 512 * 512;
    }

    interface Entries {
        void write(TarArchiveOutputStream archive) throws IOException;
    }

    static Path tar(Path file, Entries entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream archive = new TarArchiveOutputStream(bytes)) {
            archive.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            entries.write(archive);
        }
        return Files.write(file, bytes.toByteArray());
    }

    static void file(TarArchiveOutputStream archive, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        archive.putArchiveEntry(entry);
        archive.write(content);
        archive.closeArchiveEntry();
    }

    private static void directory(TarArchiveOutputStream archive, String name) throws IOException {
        archive.putArchiveEntry(new TarArchiveEntry(name));
        archive.closeArchiveEntry();
    }

    private static void link(TarArchiveOutputStream archive, String name, String target) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        archive.putArchiveEntry(entry);
        archive.closeArchiveEntry();
    }
}
