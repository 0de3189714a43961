package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.Processes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code images update ID...} and {@code images delete ID...} over stock OpenSSH: the same change to several images
 * in one request and one transaction, all or none; a request naming any id it cannot apply to (unknown, another's,
 * named twice, not a number) changes nothing and says which ids and why.
 */
class BulkChangesOverSshTest {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    private String owner;
    private String other;
    private final List<Long> mine = new ArrayList<>();
    private long theirs;

    @BeforeEach
    void upload() throws Exception {
        owner = server.openSsh().signedUp("olga").ssh();
        other = server.openSsh().signedUp("otto").ssh();
        Path temp = server.folder();
        for (int i = 0; i < 3; i++) {
            Files.write(temp.resolve("p" + i + ".jpg"), TestImages.jpeg(60 + i, 320, 240));
            mine.add(id(ok(owner + " images add --name Photo" + i + " --tag harbour --tag boat" + i
                    + " --price 2 --quantity 1 < p" + i + ".jpg")));
        }
        Files.write(temp.resolve("q.jpg"), TestImages.jpeg(70, 320, 240));
        theirs = id(ok(other + " images add --name Theirs --price 2 --quantity 1 < q.jpg"));
    }

    @Test
    void severalImagesChangeAlikeInOneRequestAndKeepTheirOtherTags() throws Exception {
        String all = ids(mine);
        String lines = ok(owner + " images update " + all + " --price 9 --add-tag sale --free-download");
        List<String> changed = lines.lines().toList();
        assertEquals(3, changed.size(), "one image line per id: " + lines);
        for (int i = 0; i < 3; i++) {
            String line = changed.get(i);
            assertTrue(line.contains("\"id\":" + mine.get(i)) && line.contains("\"price\":\"9.00\"")
                    && line.contains("\"boat" + i + "\"") && line.contains("\"harbour\"")
                    && line.contains("\"sale\""), "in order, each keeping its own tags: " + line);
        }
        assertTrue(ok(other + " images show " + mine.get(1)).contains("\"free_download\":true"));

        String removed = ok(owner + " images update " + mine.get(0) + " " + mine.get(1) + " --remove-tag sale"
                + " --remove-tag harbour");
        assertFalse(removed.contains("\"sale\"") || removed.contains("\"harbour\""), removed);
        assertTrue(ok(owner + " images show " + mine.get(2)).contains("\"sale\""), "the third was not named");
        String single = ok(owner + " images update " + mine.get(2) + " --name Renamed");
        assertEquals(1, single.lines().count());
        assertTrue(single.contains("\"name\":\"Renamed\""), "one id answers as before: " + single);
    }

    @Test
    void aRequestWithAnyIdThatCannotBeChangedChangesNothingAndNamesEachRefusal() throws Exception {
        String refusedIds = mine.get(0) + " " + theirs + " 999999 " + mine.get(1);
        Processes.Result refused = server.openSsh().shell(owner + " images update " + refusedIds + " --price 1");
        assertEquals(1, refused.exitCode(), refused.stderr());
        String error = refused.stderr();
        assertTrue(error.contains("\"error\":\"forbidden\"") && error.contains("\"errors\":[")
                && error.contains("\"id\":" + theirs) && error.contains("\"id\":999999")
                && error.contains("\"error\":\"not_found\"") && error.contains("nothing was changed"), error);
        assertFalse(error.contains("\"id\":" + mine.get(0) + ","), "only the refused ids are listed: " + error);
        for (long id : mine) {
            assertTrue(ok(owner + " images show " + id).contains("\"price\":\"2.00\""), "unchanged #" + id);
        }

        Processes.Result twice = server.openSsh().shell(owner + " images update " + mine.get(0) + " " + mine.get(0)
                + " --price 1");
        assertTrue(twice.stderr().contains("\"error\":\"invalid_argument\"") && twice.stderr().contains("twice"),
                twice.stderr());
        Processes.Result both = server.openSsh().shell(owner + " images update " + mine.get(0)
                + " --tag one --add-tag two");
        assertTrue(both.stderr().contains("\"error\":\"invalid_argument\""), both.stderr());
        String tooMany = LongStream.rangeClosed(1, 1001).mapToObj(Long::toString).collect(Collectors.joining(" "));
        Processes.Result huge = server.openSsh().shell(owner + " images update " + tooMany + " --price 1");
        assertTrue(huge.stderr().contains("\"error\":\"invalid_argument\"") && huge.stderr().contains("1000"),
                huge.stderr());
        Processes.Result word = server.openSsh().shell(owner + " images update " + mine.get(0) + " x --price 1");
        assertEquals(1, word.exitCode(), word.stderr());
        assertTrue(ok(owner + " images show " + mine.get(0)).contains("\"price\":\"2.00\""), "still unchanged");
        assertTrue(ok(owner + " whoami").contains("olga"), "the session goes on");
    }

    @Test
    void aDeleteOfSeveralImagesIsAllOrNone() throws Exception {
        Processes.Result refused = server.openSsh().shell(owner + " images delete " + mine.get(0) + " " + theirs);
        assertEquals(1, refused.exitCode(), refused.stderr());
        assertTrue(refused.stdout().contains("\"id\":" + theirs) && refused.stdout().contains("\"deleted\":false")
                && refused.stdout().contains("\"error\":\"forbidden\""), refused.stdout());
        assertTrue(refused.stderr().contains("nothing was deleted"), refused.stderr());
        Processes.Result word = server.openSsh().shell(owner + " images delete " + mine.get(0) + " x");
        assertTrue(word.stdout().contains("\"error\":\"invalid_argument\""), word.stdout());
        assertTrue(ok(owner + " images show " + mine.get(0)).contains("\"name\":\"Photo0\""), "still there");

        String deleted = ok(owner + " images delete " + mine.get(0) + " " + mine.get(1));
        assertEquals(2, deleted.lines().filter(line -> line.contains("\"deleted\":true")).count(), deleted);
        Processes.Result gone = server.openSsh().shell(owner + " images show " + mine.get(1));
        assertTrue(gone.stderr().contains("\"error\":\"not_found\""), gone.stderr());
        assertTrue(ok(owner + " images show " + mine.get(2)).contains("\"name\":\"Photo2\""), "not named: kept");
    }

    @Test
    void theJavaClientSendsABulkEditAsOneRequest() throws Exception {
        GalleristSession olga = server.logIn("olga");
        ImageChanges changes = new ImageChanges(null, null, null, new BigDecimal("7.00"), null, null, null, null,
                List.of("framed"), null);
        List<Image> changed = olga.images().update(mine, changes);
        assertEquals(mine, changed.stream().map(Image::id).toList());
        assertTrue(changed.stream().allMatch(image -> image.tags().contains("framed")
                && image.price().equals(new BigDecimal("7.00"))), changed.toString());
        List<Long> withTheirs = List.of(mine.get(0), theirs);
        GalleristException refused = assertThrows(GalleristException.class,
                () -> olga.images().update(withTheirs, new ImageChanges(null, null, null, BigDecimal.ONE, null, null)));
        assertEquals(ErrorCode.FORBIDDEN, refused.code(), refused.getMessage());
        assertEquals(new BigDecimal("7.00"), olga.images().show(mine.get(0)).price(), "nothing changed");
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private String ok(String script) throws Exception {
        Processes.Result result = server.openSsh().shell(script);
        assertEquals(0, result.exitCode(), script + "\n" + result.stderr());
        return result.stdout();
    }

    private static long id(String json) {
        Matcher matcher = ID.matcher(json);
        assertTrue(matcher.find(), json);
        return Long.parseLong(matcher.group(1));
    }
}
