package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.gallerist.tests.harness.Processes;
import org.gallerist.tests.harness.SshKeys;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images as a shell user sees them: upload from a file, list, fetch into files, and pipe `tar` into a bulk import. */
class StockOpenSshImagesTest {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @TempDir
    Path temp;

    private TestServer server;
    private String ssh;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Processes.available("ssh") && Processes.available("ssh-keygen") && Processes.available("tar"),
                "the OpenSSH client (ssh, ssh-keygen) or tar is not installed");
        server = TestServer.start(temp.resolve("data"));
        SshKeys.KeyPair key = SshKeys.generate(temp.resolve("keys"), "dora", "ed25519");
        ssh = "ssh -F none -p " + server.address().port() + " -o BatchMode=yes -o StrictHostKeyChecking=accept-new"
                + " -o UserKnownHostsFile=" + temp.resolve("known_hosts") + " -o ConnectTimeout=10"
                + " -o IdentitiesOnly=yes -o IdentityAgent=none";
        Path signupInput = Files.writeString(temp.resolve("signup.txt"), "correct horse\n" + key.publicLine() + "\n");
        ok(ssh + " -o PubkeyAuthentication=no signup@127.0.0.1 signup dora < " + signupInput);
        ssh += " -i " + key.privateKey() + " dora@127.0.0.1";
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void uploadListFetchAndImportATarFromTheShell() throws Exception {
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
        Processes.Result imported = Processes.shell(
                "tar -cf - -C album . | " + ssh + " images import --price 3 --quantity 1 --tag album", temp, 60);
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

        Processes.Result missing = Processes.shell(ssh + " images show 999999", temp, 60);
        assertEquals(1, missing.exitCode());
        assertTrue(missing.stderr().contains("{\"error\":\"not_found\""), missing.stderr());
        assertEquals(List.of(), List.of(missing.stdout().strip()).stream().filter(s -> !s.isEmpty()).toList());
    }

    private String ok(String script) throws Exception {
        Processes.Result result = Processes.shell(script, temp, 60);
        assertEquals(0, result.exitCode(), script + "\n" + result.stderr());
        return result.stdout();
    }

    private static long id(String json) {
        Matcher matcher = ID.matcher(json);
        assertTrue(matcher.find(), json);
        return Long.parseLong(matcher.group(1));
    }
}
