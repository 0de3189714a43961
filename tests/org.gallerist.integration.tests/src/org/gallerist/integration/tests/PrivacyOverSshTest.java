package org.gallerist.integration.tests;

import static org.gallerist.tests.harness.FixtureTools.make;
import static org.gallerist.tests.harness.FixtureTools.output;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.gallerist.tests.harness.FixtureTools;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.HeifGrids;
import org.gallerist.tests.harness.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where a photo was taken reaches nobody but its owner: a stranger downloading a public original over stock OpenSSH
 * gets the same picture without its location, camera serial number, owner name or XMP; the owner and an admin get
 * the uploaded bytes; thumbnails and previews carry no metadata at all.
 */
class PrivacyOverSshTest {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @Test
    void aStrangerGetsThePictureButNotWhereItWasTaken() throws Exception {
        String owner = server.openSsh().signedUp("olga").ssh();
        String stranger = server.openSsh().signedUp("sven").ssh();
        String admin = server.openSsh().signedUp("ada").ssh();
        server.promote("ada");
        Path temp = server.folder();
        Path photo = make(temp.resolve("garden.jpg"), "convert", "-size", "800x600", "plasma:fractal", "-quality",
                "90", temp.resolve("garden.jpg").toString());
        output("exiftool", "-q", "-m", "-overwrite_original", "-GPSLatitude=51.5007", "-GPSLatitudeRef=N",
                "-GPSLongitude=0.1246", "-GPSLongitudeRef=W", "-SerialNumber=SN-PRIVACY-1", "-OwnerName=Olga Home",
                "-XMP-dc:Title=My back garden", "-Orientation#=6", photo.toString());

        long id = id(ok(owner + " images add --name Garden --price 5 --quantity 1 --free-download < garden.jpg"));

        ok(owner + " images get " + id + " > owner.jpg");
        assertArrayEquals(Files.readAllBytes(photo), Files.readAllBytes(temp.resolve("owner.jpg")), "the owner's bytes");
        ok(admin + " images get " + id + " > admin.jpg");
        assertArrayEquals(Files.readAllBytes(photo), Files.readAllBytes(temp.resolve("admin.jpg")), "an admin's");

        ok(stranger + " images get " + id + " > stranger.jpg");
        String seen = output("exiftool", "-a", "-G1", "-s", "-n", temp.resolve("stranger.jpg").toString());
        for (String personal : new String[] {"51.5007", "SN-PRIVACY-1", "Olga Home", "My back garden", "[GPS]"}) {
            assertFalse(seen.contains(personal), personal + " reached a stranger: " + seen);
        }
        assertTrue(seen.contains("Orientation") && seen.contains(": 6"), "the way up stays: " + seen);
        BufferedImage theirs = ImageIO.read(temp.resolve("stranger.jpg").toFile());
        BufferedImage ours = ImageIO.read(photo.toFile());
        assertEquals(ours.getWidth() + "×" + ours.getHeight(), theirs.getWidth() + "×" + theirs.getHeight());
        assertArrayEquals(ours.getRGB(0, 0, 800, 600, null, 0, 800), theirs.getRGB(0, 0, 800, 600, null, 0, 800),
                "the same pixels: nothing was re-encoded");

        for (String size : new String[] {"thumb", "preview"}) {
            ok(stranger + " images get " + id + " --size " + size + " > " + size + ".jpg");
            String rendition = output("exiftool", "-a", "-G1", "-s", temp.resolve(size + ".jpg").toString());
            for (String group : new String[] {"[IFD0]", "[ExifIFD]", "[GPS]", "[XMP", "[IPTC]", "[ICC"}) {
                assertFalse(rendition.contains(group), size + " carries " + group + ": " + rendition);
            }
        }
    }

    @Test
    void aPhoneHeicInTilesLosesItsLocationToo() throws Exception {
        String owner = server.openSsh().signedUp("olga").ssh();
        String stranger = server.openSsh().signedUp("sven").ssh();
        Path temp = server.folder();
        Path source = make(temp.resolve("street.jpg"), "convert", "-size", "1200x700", "plasma:fractal", "-quality",
                "95", temp.resolve("street.jpg").toString());
        FixtureTools.require("heif-enc");
        Path phone = Files.write(temp.resolve("street.heic"),
                HeifGrids.heic(temp, Files.readAllBytes(source), 1200, 700, HeifGrids.PHONE_TILE, 60));
        output("exiftool", "-q", "-m", "-overwrite_original", "-GPSLatitude=51.5007", "-GPSLatitudeRef=N",
                "-GPSLongitude=0.1246", "-GPSLongitudeRef=W", "-SerialNumber=SN-PRIVACY-2", phone.toString());

        String added = ok(owner + " images add --name Street --price 5 --quantity 1 --free-download < street.heic");
        assertTrue(added.contains("\"format\":\"heic\"") && added.contains("\"width\":1200"), added);
        long id = id(added);
        ok(owner + " images get " + id + " > owner.heic");
        assertArrayEquals(Files.readAllBytes(phone), Files.readAllBytes(temp.resolve("owner.heic")), "the owner's");

        ok(stranger + " images get " + id + " > stranger.heic");
        String seen = output("exiftool", "-a", "-G1", "-s", "-n", temp.resolve("stranger.heic").toString());
        for (String personal : new String[] {"51.5007", "SN-PRIVACY-2", "[GPS]"}) {
            assertFalse(seen.contains(personal), personal + " reached a stranger: " + seen);
        }
        assertTrue(seen.contains("1200 700") || seen.contains("1200x700"), "still the whole grid: " + seen);
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
