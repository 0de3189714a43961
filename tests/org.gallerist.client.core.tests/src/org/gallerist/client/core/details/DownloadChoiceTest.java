package org.gallerist.client.core.details;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageDetails;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.PhotoFacts;
import org.gallerist.api.image.Visibility;
import org.junit.jupiter.api.Test;

class DownloadChoiceTest {

    private static Image image(String name, String format) {
        return new Image(7, name, "", List.of(), BigDecimal.ONE, 1, "sara", Visibility.PUBLIC, 10, 10, format, 100,
                "0".repeat(64), Instant.EPOCH);
    }

    private static ImageDetails details(boolean originalAllowed) {
        return new ImageDetails(image("Print", "jpeg"), List.of(), PhotoFacts.NONE, false, false, originalAllowed);
    }

    @Test
    void theOriginalIsOfferedExactlyWhenTheServerAllowsIt() {
        assertEquals(ImageSize.ORIGINAL, DownloadChoice.of(details(true)).size());
        assertEquals(ImageSize.PREVIEW, DownloadChoice.of(details(false)).size());
        assertEquals(ImageSize.PREVIEW, DownloadChoice.of(null).size(), "before the server has said");
    }

    @Test
    void fileNamesAreSafeAndCarryTheSavedFormatsExtension() {
        assertEquals("Harbour at dawn.jpg", DownloadChoice.ORIGINAL.fileName(image("Harbour at dawn", "jpeg")));
        assertEquals("Scan.tif", DownloadChoice.ORIGINAL.fileName(image("Scan", "tiff")));
        assertEquals("Raw.cr3", DownloadChoice.ORIGINAL.fileName(image("Raw", "cr3")));
        assertEquals("Raw.jpg", DownloadChoice.PREVIEW.fileName(image("Raw", "cr3")), "a preview is a JPEG");
        assertEquals("a_b_c.jpg", DownloadChoice.PREVIEW.fileName(image("a/b\\c", "png")));
        assertEquals("image-7.jpg", DownloadChoice.PREVIEW.fileName(image("../..", "png")), "nothing left");
        assertEquals(100 + ".jpg".length(), DownloadChoice.PREVIEW.fileName(image("x".repeat(200), "png")).length());
    }
}
