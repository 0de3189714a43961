package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** The image repository over real SSH: uploads, validation, visibility, ownership, tags, paging, bulk delete. */
class ImageRepositoryTest {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    private GalleristSession alice; // admin: promoted on the console
    private GalleristSession bob;
    private GalleristSession carol;

    @BeforeEach
    void start() throws Exception {
        alice = server.signedUpAdmin("alice");
        bob = server.signedUp("bob");
        carol = server.signedUp("carol");
    }

    private static Map<String, Object> add(GalleristSession session, byte[] image, String... options) {
        List<String> command = new ArrayList<>(List.of("images", "add"));
        command.addAll(List.of(options));
        List<Map<String, Object>> lines = session.exec(command, image);
        assertEquals(1, lines.size(), lines.toString());
        return lines.get(0);
    }

    private static long id(Map<String, Object> image) {
        return ((Number) image.get("id")).longValue();
    }

    private static void fails(ErrorCode code, String messagePart, Executable action) {
        GalleristException e = assertThrows(GalleristException.class, action);
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void anUploadReturnsEveryPromisedField() throws Exception {
        byte[] png = TestImages.png(1, 640, 480);
        Map<String, Object> image = add(bob, png, "--name", "Sunset", "--description", "Red sun over the bay",
                "--price", "12.5", "--quantity", "3", "--tag", " Sky ", "--tag", "Red Sun");
        assertEquals("Sunset", image.get("name"));
        assertEquals("Red sun over the bay", image.get("description"));
        assertEquals(List.of("red sun", "sky"), image.get("tags"), "tags are normalised and sorted");
        assertEquals("12.50", image.get("price"));
        assertEquals(3, ((Number) image.get("quantity")).intValue());
        assertEquals("bob", image.get("owner"));
        assertEquals("public", image.get("visibility"));
        assertEquals(640, ((Number) image.get("width")).intValue());
        assertEquals(480, ((Number) image.get("height")).intValue());
        assertEquals("png", image.get("format"));
        assertEquals(png.length, ((Number) image.get("bytes")).intValue());
        assertEquals(64, ((String) image.get("sha256")).length());
        assertTrue(image.containsKey("created"));
        assertEquals(List.of(), image.get("near_duplicates"), "nothing like it yet");
        assertTrue(image.get("suggested_tags") instanceof List<?>, image.toString());
        Map<String, Object> shown = new java.util.LinkedHashMap<>(image);
        shown.remove("near_duplicates");
        shown.remove("suggested_tags");
        Map<String, Object> details = new java.util.LinkedHashMap<>(
                bob.exec(List.of("images", "show", String.valueOf(id(image))), new byte[0]).get(0));
        assertTrue(details.remove("seen_by_model") instanceof List<?>, "what the model saw: " + details);
        assertEquals(Boolean.FALSE, details.remove("free_download"), "for buyers only unless given away");
        assertEquals(Boolean.TRUE, details.remove("original_allowed"), "the owner's own");
        assertEquals(shown, details);
    }

    @Test
    void badUploadsAreRejectedWithClearErrorsAndNothingIsKept() throws Exception {
        byte[] png = TestImages.png(2, 100, 80);
        String[] ok = { "--name", "N", "--price", "1", "--quantity", "1" };
        fails(ErrorCode.NOT_AN_IMAGE, "not an image", () -> add(bob, "hello".getBytes(StandardCharsets.UTF_8), ok));
        fails(ErrorCode.INVALID_ARGUMENT, "No image data", () -> add(bob, new byte[0], ok));
        fails(ErrorCode.CORRUPT_IMAGE, "", () -> add(bob, TestImages.truncated(TestImages.jpeg(3, 400, 300)), ok));
        fails(ErrorCode.INVALID_ARGUMENT, "negative", () -> add(bob, png, "--name", "N", "--price", "-1", "--quantity", "1"));
        fails(ErrorCode.INVALID_ARGUMENT, "2 decimals", () -> add(bob, png, "--name", "N", "--price", "1.999", "--quantity", "1"));
        fails(ErrorCode.USAGE, "'1.5' is not a long", () -> add(bob, png, "--name", "N", "--price", "1", "--quantity", "1.5"));
        fails(ErrorCode.USAGE, "'abc' is not an amount", () -> add(bob, png, "--name", "N", "--price", "abc", "--quantity", "1"));
        fails(ErrorCode.INVALID_ARGUMENT, "negative", () -> add(bob, png, "--name", "N", "--price", "1", "--quantity", "-2"));
        fails(ErrorCode.INVALID_ARGUMENT, "name is empty", () -> add(bob, png, "--name", " ", "--price", "1", "--quantity", "1"));
        fails(ErrorCode.TOO_LONG, "the limit is 200", () -> add(bob, png, "--name", "x".repeat(201), "--price", "1", "--quantity", "1"));
        fails(ErrorCode.INVALID_ARGUMENT, "Invalid tag", () -> add(bob, png, "--name", "N", "--price", "1", "--quantity", "1", "--tag", "a/b"));
        fails(ErrorCode.USAGE, "Unknown options: '--colour', 'red'", () -> add(bob, png, "--name", "N", "--price", "1", "--quantity", "1", "--colour", "red"));
        fails(ErrorCode.USAGE, "Missing required option: '--price=P'", () -> add(bob, png, "--name", "N", "--quantity", "1"));
        fails(ErrorCode.USAGE, "Unmatched argument", () -> add(bob, png, "--name", "N", "--price", "1", "--quantity", "1", "stray"));
        assertTrue(bob.exec(List.of("images", "list", "--mine"), new byte[0]).isEmpty(), "nothing half-written");
        assertTrue(bob.exec(List.of("tags", "list"), new byte[0]).isEmpty(), "no tags from rejected uploads");

        long first = id(add(bob, png, ok));
        fails(ErrorCode.DUPLICATE, "#" + first, () -> add(bob, png, ok));
        assertNotEquals(first, id(add(carol, png, ok)), "another owner may upload the same bytes");
    }

    @Test
    void privateImagesAreTheOwnersAndOnlyOwnersChangeImages() throws Exception {
        long hidden = id(add(bob, TestImages.png(4, 50, 50), "--name", "Hidden", "--price", "1", "--quantity", "1", "--private"));
        long shown = id(add(bob, TestImages.png(5, 50, 50), "--name", "Shown", "--price", "1", "--quantity", "1"));
        String hiddenId = String.valueOf(hidden);
        String shownId = String.valueOf(shown);

        fails(ErrorCode.NOT_FOUND, "No image #" + hidden, () -> carol.exec(List.of("images", "show", hiddenId), new byte[0]));
        fails(ErrorCode.NOT_FOUND, "", () -> carol.exec(List.of("images", "update", hiddenId, "--name", "Mine"), new byte[0]));
        fails(ErrorCode.NOT_FOUND, "", () -> carol.exec(List.of("images", "get", hiddenId), new byte[0]));
        fails(ErrorCode.FORBIDDEN, "only its owner", () -> carol.exec(List.of("images", "update", shownId, "--price", "0"), new byte[0]));
        fails(ErrorCode.FORBIDDEN, "", () -> carol.exec(List.of("images", "delete", shownId), new byte[0]));
        assertEquals(List.of("Shown"), names(carol.exec(List.of("images", "list"), new byte[0])));

        assertEquals(List.of("Shown", "Hidden"), names(alice.exec(List.of("images", "list"), new byte[0])), "admins see all");
        Map<String, Object> renamed = bob.exec(List.of("images", "update", hiddenId, "--name", "Now public", "--public",
                "--price", "2.25", "--tag", "new"), new byte[0]).get(0);
        assertEquals("Now public", renamed.get("name"));
        assertEquals("public", renamed.get("visibility"));
        assertEquals("2.25", renamed.get("price"));
        assertEquals(List.of("new"), renamed.get("tags"));
        assertEquals("Now public", carol.exec(List.of("images", "show", hiddenId), new byte[0]).get(0).get("name"));
    }

    @Test
    void tagsFilterWithAllOrAnyAndTextSearchCombines() throws Exception {
        add(bob, TestImages.png(6, 40, 40), "--name", "Red barn", "--price", "1", "--quantity", "1", "--tag", "farm", "--tag", "red");
        add(bob, TestImages.png(7, 40, 40), "--name", "Blue barn", "--description", "At dawn", "--price", "1", "--quantity", "1", "--tag", "farm");
        add(carol, TestImages.png(8, 40, 40), "--name", "Red car", "--price", "1", "--quantity", "1", "--tag", "red");

        assertEquals(List.of("Red barn"), names(alice.exec(List.of("images", "list", "--tag", "farm", "--tag", "Red"), new byte[0])));
        assertEquals(Set.of("Red barn", "Blue barn", "Red car"),
                new HashSet<>(names(alice.exec(List.of("images", "list", "--tag", "farm", "--tag", "red", "--any"), new byte[0]))));
        assertEquals(List.of("Blue barn"), names(alice.exec(List.of("images", "list", "--text", "DAWN barn"), new byte[0])));
        assertTrue(names(alice.exec(List.of("images", "list", "--text", "red", "--mine"), new byte[0])).isEmpty(),
                "alice owns none");
        assertEquals(List.of("Red car"), names(carol.exec(List.of("images", "list", "--mine"), new byte[0])));
        List<Map<String, Object>> tags = alice.exec(List.of("tags", "list"), new byte[0]);
        assertTrue(tags.stream().anyMatch(t -> "farm".equals(t.get("tag")) && ((Number) t.get("count")).intValue() == 2),
                tags.toString());

        fails(ErrorCode.FORBIDDEN, "admin", () -> bob.exec(List.of("tags", "rename", "farm", "country"), new byte[0]));
        alice.exec(List.of("tags", "rename", "farm", "country"), new byte[0]);
        assertEquals(2, names(bob.exec(List.of("images", "list", "--tag", "country"), new byte[0])).size());
        alice.exec(List.of("tags", "delete", "red"), new byte[0]);
        assertTrue(names(bob.exec(List.of("images", "list", "--tag", "red"), new byte[0])).isEmpty());
    }

    @Test
    void pagesNeitherRepeatNorSkipWhileOthersUploadAndDelete() throws Exception {
        List<Long> initial = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            initial.add(id(add(bob, TestImages.png(100 + i, 32, 32), "--name", "Image " + i, "--price", "1", "--quantity", "1")));
        }
        Set<Long> seen = new HashSet<>();
        List<Long> deletable = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            List<String> command = new ArrayList<>(List.of("images", "list", "--limit", "7"));
            if (cursor != null) {
                command.addAll(List.of("--after", cursor));
            }
            List<Map<String, Object>> lines = carol.exec(command, new byte[0]);
            cursor = null;
            for (Map<String, Object> line : lines) {
                if (line.containsKey("next")) {
                    cursor = (String) line.get("next");
                } else {
                    assertTrue(seen.add(id(line)), "repeated " + id(line));
                    deletable.add(id(line));
                }
            }
            pages++;
            // meanwhile: a new upload (newer, so before the cursor) and a delete of something already seen
            bob.exec(List.of("images", "delete", String.valueOf(deletable.remove(0))), new byte[0]);
            add(carol, TestImages.png(500 + pages, 32, 32), "--name", "Newcomer " + pages, "--price", "1", "--quantity", "1");
        } while (cursor != null && pages < 20);
        assertTrue(seen.containsAll(initial), "every image present when the walk began was listed once");
        assertEquals(4, pages);
        fails(ErrorCode.INVALID_ARGUMENT, "cursor", () -> carol.exec(List.of("images", "list", "--after", "bogus!"), new byte[0]));
        fails(ErrorCode.INVALID_ARGUMENT, "limit", () -> carol.exec(List.of("images", "list", "--limit", "201"), new byte[0]));
    }

    @Test
    void bulkDeleteIsAllOrNoneAndNamesEveryRefusedId() throws Exception {
        long a = id(add(bob, TestImages.png(9, 30, 30), "--name", "A", "--price", "1", "--quantity", "1"));
        long b = id(add(bob, TestImages.png(10, 30, 30), "--name", "B", "--price", "1", "--quantity", "1"));
        long carols = id(add(carol, TestImages.png(11, 30, 30), "--name", "C", "--price", "1", "--quantity", "1"));
        GalleristException e = assertThrows(GalleristException.class, () -> bob.exec(
                List.of("images", "delete", String.valueOf(a), "999999", String.valueOf(carols), "#" + b), new byte[0]));
        assertTrue(e.getMessage().contains("nothing was deleted"), e.getMessage());
        assertEquals(List.of("B", "A"), names(bob.exec(List.of("images", "list", "--mine"), new byte[0])),
                "nothing of bob's was deleted");
        bob.exec(List.of("images", "delete", String.valueOf(a), "#" + b), new byte[0]);
        assertTrue(bob.exec(List.of("images", "list", "--mine"), new byte[0]).isEmpty(), "both of bob's are gone");
        assertEquals(List.of("C"), names(carol.exec(List.of("images", "list", "--mine"), new byte[0])));
    }

    @Test
    void nothingIsLostWhenTheServerBundlesRestart() throws Exception {
        long kept = id(add(bob, TestImages.jpeg(12, 300, 200), "--name", "Kept", "--price", "9.99", "--quantity", "2", "--tag", "keep"));
        bob.close();
        server.stop();
        server.startAgain();
        bob = server.logIn("bob");
        Map<String, Object> image = bob.exec(List.of("images", "show", String.valueOf(kept)), new byte[0]).get(0);
        assertEquals("9.99", image.get("price"));
        assertEquals(List.of("keep"), image.get("tags"));
    }

    private static List<String> names(List<Map<String, Object>> lines) {
        return lines.stream().filter(line -> line.containsKey("name")).map(line -> (String) line.get("name")).toList();
    }
}
