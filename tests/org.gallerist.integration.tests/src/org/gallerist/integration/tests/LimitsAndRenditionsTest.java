package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;

import javax.imageio.ImageIO;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The configured byte and pixel limits, the renditions `images get` serves, and unknown ids. */
class LimitsAndRenditionsTest {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("maxImageBytes", 200_000L)
            .with("maxImagePixels", 3_000_000L);

    @Test
    void limitsFromTheConfigurationRejectBeforeStoringAndRenditionsFitTheirEdge() throws Exception {
        GalleristSession alice = server.signedUp("alice");
        byte[] heavy = TestImages.noisyPng(80, 300, 300); // about 270 kB
        assertTrue(heavy.length > 200_000, "test image " + heavy.length + " bytes");
        GalleristException bytes = assertThrows(GalleristException.class, () -> add(alice, "Heavy", heavy));
        assertEquals(ErrorCode.TOO_LARGE, bytes.code());
        assertTrue(bytes.getMessage().contains("limit"), bytes.getMessage());

        byte[] wide = TestImages.jpeg(81, 2500, 1300); // 3.25 megapixels, small as a JPEG
        assertTrue(wide.length < 200_000, "test image " + wide.length + " bytes");
        GalleristException pixels = assertThrows(GalleristException.class, () -> add(alice, "Wide", wide));
        assertEquals(ErrorCode.TOO_LARGE, pixels.code());
        assertTrue(pixels.getMessage().contains("2500×1300") && pixels.getMessage().contains("3 megapixels"),
                pixels.getMessage());
        assertTrue(alice.images().tags().isEmpty() && alice.exec(List.of("images", "list"), new byte[0])
                .isEmpty(), "nothing stored");

        Image photo = add(alice, "Photo", TestImages.jpeg(82, 1800, 1200));
        assertSize(256, 171, alice.images().content(photo.id(), ImageSize.THUMB));
        assertSize(1024, 683, alice.images().content(photo.id(), ImageSize.PREVIEW));
        assertSize(1800, 1200, alice.images().content(photo.id(), ImageSize.ORIGINAL));
        GalleristException size = assertThrows(GalleristException.class,
                () -> alice.exec(List.of("images", "get", String.valueOf(photo.id()), "--size", "huge"),
                        new byte[0]));
        assertEquals(ErrorCode.USAGE, size.code());
        assertEquals("huge", size.details().get("word"), size.details().toString());

        for (List<String> command : List.of(List.of("images", "show", "424242"),
                List.of("images", "get", "424242"), List.of("images", "update", "424242", "--price", "1"))) {
            GalleristException missing = assertThrows(GalleristException.class,
                    () -> alice.exec(command, new byte[0]));
            assertEquals(ErrorCode.NOT_FOUND, missing.code(), command.toString());
        }
        GalleristException notAnId = assertThrows(GalleristException.class,
                () -> alice.images().update(-3, new ImageChanges(null, null, null, null, 1, null)));
        assertTrue(notAnId.code() == ErrorCode.INVALID_ARGUMENT || notAnId.code() == ErrorCode.NOT_FOUND,
                notAnId.code().toString());
        assertEquals("Photo", alice.images().show(photo.id()).name(), "the session is still usable");
    }

    private static Image add(GalleristSession session, String name, byte[] content) {
        return session.images().add(new NewImage(name, "", List.of("limits"), BigDecimal.ONE, 1, Visibility.PUBLIC),
                content);
    }

    private static void assertSize(int width, int height, byte[] image) throws Exception {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
        assertEquals(width, decoded.getWidth());
        assertEquals(height, decoded.getHeight());
    }
}
