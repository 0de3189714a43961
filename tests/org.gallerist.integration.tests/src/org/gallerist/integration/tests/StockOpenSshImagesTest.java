package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.Processes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Images as a shell user sees them: upload from a file, list, fetch into files, and pipe `tar` into a bulk import. */
class StockOpenSshImagesTest {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    private String ssh;

    @BeforeEach
    void signUp() throws Exception {
        ssh = server.openSsh("tar").signedUp("dora").ssh();
    }

    @Test
    void uploadListFetchAndImportATarFromTheShell() throws Exception {
        Path temp = server.folder(); // where the shell runs
        Files.write(temp.resolve("harbour.jpg"), TestImages.jpeg(40, 1600, 1200));
        String added = ok(ssh + " images add --name \\'Harbour at dawn\\' --price 12.5 --quantity 2 --tag boats"
                + " < harbour.jpg");
        assertTrue(added.contains("\"name\":\"Harbour at dawn\"") && added.contains("\"price\":\"12.50\""), added);
        long id = id(added);

        ok(ssh + " images get " + id + " > original.jpg");
        assertArrayEquals(Files.readAllBytes(temp.resolve("harbour.jpg")), Files.readAllBytes(temp.resolve("original.jpg")));
        ok(ssh + " images get " + id + " --size thumb > thumb.jpg");
        BufferedImage thumb = ImageIO.read(temp.resolve("thumb.jpg").toFile());
        assertEquals(256, thumb.getWidth());
        assertEquals(192, thumb.getHeight());

        Files.createDirectories(temp.resolve("album"));
        Files.write(temp.resolve("album/one.png"), TestImages.png(41, 120, 90));
        Files.write(temp.resolve("album/two.jpg"), TestImages.jpeg(42, 200, 100));
        Files.writeString(temp.resolve("album/readme.txt"), "not an image");
        Processes.Result imported = server.openSsh().shell(
                "tar -cf - -C album . | " + ssh + " images import --price 3 --quantity 1 --tag album");
        assertEquals(3, imported.stdout().strip().lines().count(), imported.stdout());
        assertTrue(imported.stdout().contains("\"file\":\"./readme.txt\",\"error\":\"not_an_image\""), imported.stdout());
        assertNotEquals(0, imported.exitCode(), "one file failed, so the exit status says so");
        assertTrue(imported.stderr().contains("1 of 3 files could not be imported"), imported.stderr());

        String album = ok(ssh + " images list --tag album");
        assertEquals(2, album.strip().lines().count(), album);
        String all = ok(ssh + " images list --limit 2");
        assertEquals(3, all.strip().lines().count(), "two images and the cursor line: " + all);
        Matcher next = Pattern.compile("\\{\"next\":\"([^\"]+)\"\\}").matcher(all);
        assertTrue(next.find(), all);
        String rest = ok(ssh + " images list --limit 2 --after " + next.group(1));
        assertEquals(1, rest.strip().lines().count(), rest);

        Processes.Result missing = server.openSsh().shell(ssh + " images show 999999");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.stderr().contains("{\"error\":\"not_found\""), missing.stderr());
        assertEquals(List.of(), List.of(missing.stdout().strip()).stream().filter(s -> !s.isEmpty()).toList());
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
