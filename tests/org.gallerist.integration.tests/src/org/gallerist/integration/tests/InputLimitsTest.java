package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.HostileImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every text field's length limit and the decoders' structural checks, over real SSH: each answers with an error
 * naming the limit and its value, stores nothing, and the session keeps working.
 */
class InputLimitsTest {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    private GalleristSession bob;

    @BeforeEach
    void start() {
        server.signUp("alice"); // the admin; bob is an ordinary user
        bob = server.signedUp("bob");
    }

    private List<Map<String, Object>> add(byte[] image, String... options) {
        List<String> command = new ArrayList<>(List.of("images", "add", "--price", "1", "--quantity", "1"));
        command.addAll(List.of(options));
        return bob.exec(command, image);
    }

    /** Numbers in details come back from the wire as longs. */
    private static GalleristException fails(ErrorCode code, String limit, long max, Executable action) {
        GalleristException e = assertThrows(GalleristException.class, action);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(Map.of("limit", limit, "max", max), e.details(), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(max)), "the message says the limit: " + e.getMessage());
        return e;
    }

    private static void tooLong(String limit, int max, Executable action) {
        fails(ErrorCode.TOO_LONG, limit, max, action);
    }

    @Test
    void everyTextFieldOverItsLimitIsTooLongNamingTheFieldAndItsLimit() throws Exception {
        byte[] png = TestImages.png(1, 60, 40);
        tooLong("name", 200, () -> add(png, "--name", "n".repeat(201)));
        tooLong("description", 4000, () -> add(png, "--name", "N", "--description", "d".repeat(4001)));
        tooLong("tag", 40, () -> add(png, "--name", "N", "--tag", "t".repeat(41)));
        List<String> fiftyOneTags = new ArrayList<>(List.of("--name", "N"));
        for (int i = 0; i < 51; i++) {
            fiftyOneTags.addAll(List.of("--tag", "t" + i));
        }
        tooLong("tags", 50, () -> add(png, fiftyOneTags.toArray(String[]::new)));
        assertTrue(bob.exec(List.of("images", "list", "--mine"), new byte[0]).isEmpty(), "nothing stored");

        long id = ((Number) add(png, "--name", "N", "--description", "d".repeat(4000)).get(0).get("id")).longValue();
        tooLong("description", 4000, () -> bob.exec(List.of("images", "update", String.valueOf(id),
                "--description", "d".repeat(4001)), new byte[0]));
        tooLong("text", 500, () -> bob.exec(List.of("images", "list", "--text", "w".repeat(501)), new byte[0]));
        GalleristException huge = assertThrows(GalleristException.class,
                () -> bob.exec(List.of("images", "list", "--text", "w".repeat(100_000)), new byte[0]));
        assertEquals(ErrorCode.TOO_LONG, huge.code(), huge.getMessage());
        assertEquals(1, bob.exec(List.of("images", "list", "--text", "n"), new byte[0]).size(), "search still works");

        tooLong("username", 32, () -> server.signUp("u".repeat(33)));
        tooLong("key_comment", 200, () -> bob.exec(List.of("keys", "add"),
                (ed25519Line() + " " + "c".repeat(201)).getBytes(StandardCharsets.UTF_8)));

        StringBuilder order = new StringBuilder("[");
        for (int i = 0; i < 201; i++) {
            order.append(i == 0 ? "" : ",").append("{\"image\": ").append(id).append(", \"quantity\": 1}");
        }
        tooLong("order_lines", 200, () -> server.logIn("alice").exec(List.of("orders", "place"),
                order.append(']').toString().getBytes(StandardCharsets.UTF_8)));
        tooLong("request_key", 64, () -> server.logIn("alice").exec(List.of("orders", "place", "--request",
                "k".repeat(65)), ("[{\"image\": " + id + ", \"quantity\": 1}]").getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, bob.exec(List.of("images", "list", "--mine"), new byte[0]).size());
        assertEquals("bob", bob.whoami().name(), "the session stays usable");
    }

    @Test
    void aPngWithABadChunkCrcIsCorruptAndAJpegWithThousandsOfScansIsRefusedUnread() throws Exception {
        GalleristException crc = assertThrows(GalleristException.class,
                () -> add(HostileImages.pngWithBadIdatCrc(2, 200, 150), "--name", "Bad CRC"));
        assertEquals(ErrorCode.CORRUPT_IMAGE, crc.code());
        assertTrue(crc.getMessage().contains("CRC"), crc.getMessage());
        GalleristException flipped = assertThrows(GalleristException.class,
                () -> add(HostileImages.pngWithFlippedIdatByte(3, 200, 150), "--name", "Flipped"));
        assertEquals(ErrorCode.CORRUPT_IMAGE, flipped.code());

        byte[] scans = HostileImages.jpegWithRepeatedLastScan(4, 200, 150, 5000);
        fails(ErrorCode.TOO_LARGE, "jpeg_scans", 100, () -> add(scans, "--name", "Scans"));
        fails(ErrorCode.TOO_LARGE, "jpeg_scans", 100, () -> bob.images().similar(scans, 5, List.of()));
        assertTrue(bob.exec(List.of("images", "list", "--mine"), new byte[0]).isEmpty(), "nothing stored");

        add(HostileImages.progressiveJpeg(4, 200, 150), "--name", "Progressive");
        assertEquals(1, bob.exec(List.of("images", "list", "--mine"), new byte[0]).size(), "a real one is fine");
    }

    /** A well-formed ed25519 public key (random point bytes: only its syntax is checked when added). */
    private static String ed25519Line() {
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        byte[] point = new byte[32];
        new SecureRandom().nextBytes(point);
        ByteBuffer blob = ByteBuffer.allocate(4 + type.length + 4 + point.length);
        blob.putInt(type.length).put(type).putInt(point.length).put(point);
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.array());
    }
}
