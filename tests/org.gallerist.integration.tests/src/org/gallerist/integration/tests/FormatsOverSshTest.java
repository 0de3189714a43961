package org.gallerist.integration.tests;

import static org.gallerist.tests.harness.FixtureTools.make;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.gallerist.tests.harness.DngFiles;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.Processes;
import org.gallerist.tests.harness.OtherRawFiles;
import org.gallerist.tests.harness.RawFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The formats a camera, a phone or an editor produces, uploaded by a shell user over stock OpenSSH to the server as
 * it runs by default (libvips preferred): what {@code server info} lists is accepted, with the displayed size and the
 * page count; the original comes back byte for byte.
 */
class FormatsOverSshTest {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    private String ssh;
    private Path temp;

    @BeforeEach
    void signUp() throws Exception {
        ssh = server.openSsh().signedUp("petra").ssh();
        temp = server.folder();
        Files.write(temp.resolve("source.jpg"), TestImages.jpeg(7, 900, 600));
    }

    @Test
    void serverInfoListsTheFormatsAndEachIsAcceptedWithItsDisplayedSize() throws Exception {
        String info = ok(ssh + " server info");
        assertTrue(info.contains("\"formats\":[\"jpeg\",\"png\",\"gif\",\"bmp\",\"webp\",\"tiff\",\"dng\",\"cr2\","
                + "\"nef\",\"arw\",\"raw\",\"cr3\",\"raf\",\"orf\",\"rw2\",\"heic\",\"avif\",\"jxl\"]"), info);

        Files.write(temp.resolve("second.png"), TestImages.png(8, 300, 300));
        Path tiff = make(temp.resolve("pages.tif"), "convert", temp.resolve("source.jpg").toString(),
                temp.resolve("second.png").toString(), "-compress", "LZW", temp.resolve("pages.tif").toString());
        String added = ok(ssh + " images add --name Pages --price 1 --quantity 1 < " + tiff.getFileName());
        assertTrue(added.contains("\"format\":\"tiff\"") && added.contains("\"width\":900")
                && added.contains("\"height\":600") && added.contains("\"pages\":2"),
                "the first page, and how many: " + added);
        long id = id(added);
        ok(ssh + " images get " + id + " > back.tif");
        assertArrayEquals(Files.readAllBytes(tiff), Files.readAllBytes(temp.resolve("back.tif")), "the original");

        Path heic = make(temp.resolve("phone.heic"), "heif-enc", "-q", "80", "-o", temp.resolve("phone.heic")
                .toString(), temp.resolve("source.jpg").toString());
        String phone = ok(ssh + " images add --name Phone --price 1 --quantity 1 < " + heic.getFileName());
        assertTrue(phone.contains("\"format\":\"heic\"") && phone.contains("\"width\":900"), phone);
        ok(ssh + " images get " + id(phone) + " --size thumb > phone-thumb.jpg");
        BufferedImage thumb = ImageIO.read(temp.resolve("phone-thumb.jpg").toFile());
        assertEquals(256 + "×" + 171, thumb.getWidth() + "×" + thumb.getHeight());

        Path rotated = make(temp.resolve("rotated.jpg"), "exiftool", "-q", "-n", "-Orientation=6", "-o",
                temp.resolve("rotated.jpg").toString(), temp.resolve("source.jpg").toString());
        String portrait = ok(ssh + " images add --name Portrait --price 1 --quantity 1 < " + rotated.getFileName());
        assertTrue(portrait.contains("\"width\":600") && portrait.contains("\"height\":900"),
                "the displayed size, as the thumbnails show it: " + portrait);
        String shown = ok(ssh + " images show " + id(portrait));
        assertTrue(shown.contains("\"width\":600") && shown.contains("\"height\":900"), shown);
    }

    @Test
    void rawFilesAreShownByTheirPreviewAndTheirOriginalsGoOnlyToTheirOwner() throws Exception {
        Path dng = Files.write(temp.resolve("raw.dng"), DngFiles.dng(TestImages.jpeg(9, 900, 600), 900, 600, 1,
                "Canon", "Canon EOS R5"));
        String added = ok(ssh + " images add --name Raw --price 1 --quantity 1 --free-download < raw.dng");
        assertTrue(added.contains("\"format\":\"dng\"") && added.contains("\"width\":900")
                && added.contains("\"height\":600"), "the full-size preview's size: " + added);
        long id = id(added);
        ok(ssh + " images get " + id + " > back.dng");
        assertArrayEquals(Files.readAllBytes(dng), Files.readAllBytes(temp.resolve("back.dng")), "the owner's bytes");

        String other = server.openSsh().signedUp("otto").ssh();
        Processes.Result refused = server.openSsh().shell(other + " images get " + id + " > theirs.dng");
        assertEquals(1, refused.exitCode(), refused.stderr());
        assertTrue(refused.stderr().contains("\"error\":\"unavailable\""), "fail closed: " + refused.stderr());
        ok(other + " images get " + id + " --size preview > preview.jpg");
        assertEquals(900, ImageIO.read(temp.resolve("preview.jpg").toFile()).getWidth());

        Files.write(temp.resolve("raw.nef"), RawFiles.nef(TestImages.jpeg(10, 900, 600), 6, "NIKON Z 6_2"));
        String nef = ok(ssh + " images add --name Nikon --price 1 --quantity 1 --free-download < raw.nef");
        assertTrue(nef.contains("\"format\":\"nef\"") && nef.contains("\"width\":600")
                && nef.contains("\"height\":900"), "the preview's size, turned: " + nef);
        refused = server.openSsh().shell(other + " images get " + id(nef) + " > theirs.nef");
        assertTrue(refused.stderr().contains("\"error\":\"unavailable\""), "fail closed: " + refused.stderr());

        byte[] jpeg = TestImages.jpeg(11, 900, 600);
        Files.write(temp.resolve("raw.cr3"), OtherRawFiles.cr3(jpeg, TestImages.jpeg(12, 160, 120), 8,
                "Canon EOS R6", "Harbour at dawn"));
        String cr3 = ok(ssh + " images add --price 1 --quantity 1 --free-download < raw.cr3");
        assertTrue(cr3.contains("\"format\":\"cr3\"") && cr3.contains("\"width\":600")
                && cr3.contains("\"height\":900") && cr3.contains("\"name\":\"Harbour at dawn\""),
                "the full-size JPEG's size, turned, and the name from the XMP box: " + cr3);
        assertTrue(ok(ssh + " images show " + id(cr3)).contains("Canon EOS R6"), "the camera, to its owner");
        refused = server.openSsh().shell(other + " images get " + id(cr3) + " > theirs.cr3");
        assertTrue(refused.stderr().contains("\"error\":\"unavailable\""), "fail closed: " + refused.stderr());
        Files.write(temp.resolve("raw.raf"), OtherRawFiles.raf(jpeg, "X-T4"));
        String raf = ok(ssh + " images add --name Fuji --price 1 --quantity 1 < raw.raf");
        assertTrue(raf.contains("\"format\":\"raf\"") && raf.contains("\"width\":900"), raf);
    }

    @Test
    void aFileInNoReadableFormatNamesTheFormatsAndTheSessionGoesOn() throws Exception {
        Files.writeString(temp.resolve("notes.txt"), "a shopping list, not a picture");
        Processes.Result refused = server.openSsh().shell(ssh
                + " images add --name Notes --price 1 --quantity 1 < notes.txt");
        assertEquals(1, refused.exitCode(), refused.stderr());
        assertTrue(refused.stderr().contains("\"error\":\"not_an_image\"") && refused.stderr().contains("HEIC"),
                refused.stderr());
        assertTrue(ok(ssh + " whoami").contains("petra"));
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
