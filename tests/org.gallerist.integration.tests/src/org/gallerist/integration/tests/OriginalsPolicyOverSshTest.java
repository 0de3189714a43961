package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.Processes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A shop sells its originals: over stock OpenSSH, the original (full size, as uploaded) goes to its owner, admins and
 * those who bought it, and to everyone only where the owner gives it away ({@code --free-download}); everyone else
 * gets {@code not_purchased} and may take the preview. {@code images show} tells each caller which it is.
 */
class OriginalsPolicyOverSshTest {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    private String seller;
    private String buyer;
    private String stranger;
    private Path temp;

    @BeforeEach
    void signUp() throws Exception {
        seller = server.openSsh().signedUp("sara").ssh();
        buyer = server.openSsh().signedUp("bruno").ssh();
        stranger = server.openSsh().signedUp("stan").ssh();
        temp = server.folder();
        Files.write(temp.resolve("print.jpg"), TestImages.jpeg(41, 900, 600));
        Files.write(temp.resolve("gift.jpg"), TestImages.jpeg(42, 600, 400));
    }

    @Test
    void theOriginalGoesToItsOwnerAndItsBuyersOthersGetThePreview() throws Exception {
        long id = id(ok(seller + " images add --name Print --price 3 --quantity 1 < print.jpg"));
        assertTrue(ok(seller + " images show " + id).contains("\"original_allowed\":true"), "the owner's own");

        String shown = ok(buyer + " images show " + id);
        assertTrue(shown.contains("\"free_download\":false") && shown.contains("\"original_allowed\":false"), shown);
        Processes.Result refused = server.openSsh().shell(buyer + " images get " + id + " > before.jpg");
        assertEquals(1, refused.exitCode(), refused.stderr());
        assertTrue(refused.stderr().contains("\"error\":\"not_purchased\"") && refused.stderr().contains("preview"),
                refused.stderr());
        refused = server.openSsh().shell(buyer + " images get " + id + " --size original > before.jpg");
        assertTrue(refused.stderr().contains("\"error\":\"not_purchased\""), refused.stderr());
        ok(buyer + " images get " + id + " --size preview > preview.jpg");
        assertEquals(900, ImageIO.read(temp.resolve("preview.jpg").toFile()).getWidth(), "the preview is free");

        Files.writeString(temp.resolve("order.json"), "[{\"image\": " + id + ", \"quantity\": 1}]");
        ok(buyer + " orders place < order.json");
        assertTrue(ok(buyer + " images show " + id).contains("\"original_allowed\":true"), "bought");
        ok(buyer + " images get " + id + " > bought.jpg");
        assertEquals(900, ImageIO.read(temp.resolve("bought.jpg").toFile()).getWidth(), "full size, though sold out");
        refused = server.openSsh().shell(stranger + " images get " + id + " > theirs.jpg");
        assertTrue(refused.stderr().contains("\"error\":\"not_purchased\""), "one buyer only: " + refused.stderr());

        server.promote("stan");
        ok(stranger + " images get " + id + " > admin.jpg");
        assertArrayEquals(Files.readAllBytes(temp.resolve("print.jpg")), Files.readAllBytes(temp.resolve("admin.jpg")),
                "an admin gets the bytes as uploaded");
    }

    @Test
    void anOwnerMayGiveTheOriginalAwayAndTakeThatBack() throws Exception {
        String added = ok(seller + " images add --name Gift --price 0 --quantity 1 --free-download < gift.jpg");
        long gift = id(added);
        assertTrue(ok(stranger + " images show " + gift).contains("\"original_allowed\":true"), added);
        ok(stranger + " images get " + gift + " > gift-copy.jpg");
        assertEquals(600, ImageIO.read(temp.resolve("gift-copy.jpg").toFile()).getWidth());

        long print = id(ok(seller + " images add --name Print --price 3 --quantity 1 < print.jpg"));
        ok(seller + " images update " + print + " --free-download");
        String shown = ok(stranger + " images show " + print);
        assertTrue(shown.contains("\"free_download\":true") && shown.contains("\"original_allowed\":true"), shown);
        ok(stranger + " images get " + print + " > print-copy.jpg");

        ok(seller + " images update " + print + " --buyers-only");
        Processes.Result refused = server.openSsh().shell(stranger + " images get " + print + " > again.jpg");
        assertTrue(refused.stderr().contains("\"error\":\"not_purchased\""), refused.stderr());
    }

    @Test
    void onlyTheOwnerDecidesAndContradictionsAreRefused() throws Exception {
        long print = id(ok(seller + " images add --name Print --price 3 --quantity 1 < print.jpg"));
        Processes.Result foreign = server.openSsh().shell(stranger + " images update " + print + " --free-download");
        assertEquals(1, foreign.exitCode(), foreign.stderr());
        assertTrue(foreign.stderr().contains("\"error\":\"not_found\"")
                || foreign.stderr().contains("\"error\":\"forbidden\""), foreign.stderr());
        Processes.Result both = server.openSsh().shell(seller + " images update " + print
                + " --free-download --buyers-only");
        assertEquals(2, both.exitCode(), both.stderr());
        assertTrue(both.stderr().contains("\"error\":\"usage\""), both.stderr());
        assertTrue(ok(stranger + " images show " + print).contains("\"free_download\":false"), "nothing changed");
        assertTrue(ok(seller + " whoami").contains("sara"), "the session goes on");
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
