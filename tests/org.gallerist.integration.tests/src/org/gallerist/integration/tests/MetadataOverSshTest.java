package org.gallerist.integration.tests;

import static org.gallerist.tests.harness.FixtureTools.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.Processes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a photographer's editor wrote into a file names, describes and tags it on upload over stock OpenSSH, unless the
 * upload says otherwise; the camera's facts are kept, shown to the owner (and admins) and found by their text search,
 * and nobody else sees or finds them until the owner shares them.
 */
class MetadataOverSshTest {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    private String owner;
    private Path temp;

    @BeforeEach
    void signUp() throws Exception {
        owner = server.openSsh().signedUp("fiona").ssh();
        temp = server.folder();
    }

    @Test
    void theFileNamesDescribesAndTagsTheImageAndItsCameraIsTheOwnersToSee() throws Exception {
        tagged("harbour.jpg", 1);
        String added = ok(owner + " images add --price 5 --quantity 2 < harbour.jpg");
        assertTrue(added.contains("\"name\":\"Harbour at dawn\"")
                && added.contains("\"description\":\"Boats in the fog\"")
                && added.contains("\"tags\":[\"fog mist\",\"harbour\"]"), "named, described, tagged by the file: "
                        + added);
        long id = id(added);

        String shown = ok(owner + " images show " + id);
        assertTrue(shown.contains("\"photo\":{\"captured\":\"2024-05-01T06:12:13+02:00\",\"camera_make\":\"Fujifilm\","
                + "\"camera_model\":\"X-T5\",\"lens\":\"XF35mmF1.4 R\",\"exposure\":\"1/250 s\",\"aperture\":\"f/2.8\","
                + "\"focal_length\":\"35 mm\",\"iso\":400}"), "the owner sees the camera: " + shown);
        assertTrue(ok(owner + " images list --text x-t5").contains("\"id\":" + id + ","), "found by the camera model");

        String stranger = server.openSsh().signedUp("sam").ssh();
        String theirs = ok(stranger + " images show " + id);
        assertTrue(theirs.contains("\"name\":\"Harbour at dawn\""), theirs);
        assertFalse(theirs.contains("photo") || theirs.contains("Fujifilm") || theirs.contains("2024-05-01"),
                "nobody else sees the camera or the date: " + theirs);
        assertFalse(ok(stranger + " images list --text x-t5").contains("\"id\":" + id + ","),
                "nor finds the image by it");
        assertTrue(ok(stranger + " images list --text harbour").contains("\"id\":" + id + ","), "words are public");

        String admin = server.openSsh().signedUp("ada").ssh();
        server.promote("ada");
        assertTrue(ok(admin + " images show " + id).contains("\"camera_model\":\"X-T5\""), "an admin sees it");
    }

    @Test
    void theOwnerMayShareTheCameraAndTakeItBack() throws Exception {
        tagged("shared.jpg", 3);
        long id = id(ok(owner + " images add --share-camera --price 1 --quantity 1 < shared.jpg"));
        String stranger = server.openSsh().signedUp("sam").ssh();
        String theirs = ok(stranger + " images show " + id);
        assertTrue(theirs.contains("\"camera_model\":\"X-T5\"") && theirs.contains("\"camera_shared\":true"),
                "shared on upload: " + theirs);
        assertTrue(ok(stranger + " images list --text x-t5").contains("\"id\":" + id + ","), "and found by it");

        ok(owner + " images update " + id + " --hide-camera");
        assertFalse(ok(stranger + " images show " + id).contains("X-T5"), "taken back");
        assertFalse(ok(stranger + " images list --text x-t5").contains("\"id\":" + id + ","));
        assertTrue(ok(owner + " images show " + id).contains("\"camera_shared\":false"), "the owner still sees it");

        ok(owner + " images update " + id + " --share-camera");
        assertTrue(ok(stranger + " images show " + id).contains("\"camera_model\":\"X-T5\""), "shared again");
        Processes.Result both = server.openSsh().shell(owner + " images update " + id
                + " --share-camera --hide-camera");
        assertEquals(2, both.exitCode(), both.stderr());
        assertTrue(ok(stranger + " images show " + id).contains("\"camera_model\":\"X-T5\""), "nothing changed");
    }

    @Test
    void explicitOptionsWinOverTheFile() throws Exception {
        tagged("explicit.jpg", 2);
        String added = ok(owner + " images add --name Mine --description Given --tag own --price 1 --quantity 1"
                + " < explicit.jpg");
        assertTrue(added.contains("\"name\":\"Mine\"") && added.contains("\"description\":\"Given\"")
                && added.contains("\"tags\":[\"own\"]"), added);
        String partly = ok(owner + " images add --name Partly --price 1 --quantity 1 < explicit-copy.jpg");
        assertTrue(partly.contains("\"name\":\"Partly\"") && partly.contains("\"description\":\"Boats in the fog\"")
                && partly.contains("\"tags\":[\"fog mist\",\"harbour\"]"), "what is not given comes from the file: "
                        + partly);
    }

    @Test
    void anUntitledNameIsUsedOnlyWhereTheFileHasNoTitle() throws Exception {
        tagged("titled.jpg", 3);
        String titled = ok(owner + " images add --untitled-name Titled --price 1 --quantity 1 < titled.jpg");
        assertTrue(titled.contains("\"name\":\"Harbour at dawn\""), "the file's title wins: " + titled);
        Files.write(temp.resolve("untitled.jpg"), TestImages.jpeg(32, 400, 300));
        String untitled = ok(owner + " images add --untitled-name Untitled --price 1 --quantity 1"
                + " < untitled.jpg");
        assertTrue(untitled.contains("\"name\":\"Untitled\""), untitled);
        String named = ok(owner + " images add --name Given --untitled-name Other --price 1 --quantity 1"
                + " < titled-copy.jpg");
        assertTrue(named.contains("\"name\":\"Given\""), named);
    }

    @Test
    void withoutANameAndWithoutATitleTheUploadIsRefusedAndNothingIsKept() throws Exception {
        Files.write(temp.resolve("plain.jpg"), TestImages.jpeg(31, 400, 300));
        Processes.Result refused = server.openSsh().shell(owner + " images add --price 1 --quantity 1 < plain.jpg");
        assertEquals(1, refused.exitCode(), refused.stderr());
        assertTrue(refused.stderr().contains("\"error\":\"invalid_argument\"") && refused.stderr().contains("--name"),
                refused.stderr());
        assertFalse(ok(owner + " images list --mine").contains("\"id\""), "nothing stored");
        assertTrue(ok(owner + " images add --name Plain --price 1 --quantity 1 < plain.jpg").contains("\"Plain\""),
                "the session goes on, and the same bytes are welcome with a name");
    }

    /** A JPEG (distinct by {@code seed}) with XMP words and a camera's EXIF, as exiftool writes them; and a copy. */
    private void tagged(String name, int seed) throws Exception {
        Path file = Files.write(temp.resolve(name), TestImages.jpeg(seed, 640, 480));
        output("exiftool", "-q", "-m", "-overwrite_original", "-XMP-dc:Title=Harbour at dawn",
                "-XMP-dc:Description=Boats in the fog", "-XMP-dc:Subject=harbour", "-XMP-dc:Subject=Fog & Mist",
                "-Make=Fujifilm", "-Model=X-T5", "-LensModel=XF35mmF1.4 R", "-DateTimeOriginal=2024:05:01 06:12:13",
                "-OffsetTimeOriginal=+02:00", "-ExposureTime=0.004", "-FNumber=2.8", "-FocalLength=35", "-ISO=400",
                file.toString());
        Path copy = temp.resolve(name.replace(".jpg", "-copy.jpg"));
        Files.write(copy, TestImages.jpeg(seed + 100, 640, 480));
        output("exiftool", "-q", "-m", "-overwrite_original", "-tagsFromFile", file.toString(), "-all:all",
                copy.toString());
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
