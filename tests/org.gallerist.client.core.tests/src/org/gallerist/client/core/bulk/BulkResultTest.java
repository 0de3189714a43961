package org.gallerist.client.core.bulk;

import static org.gallerist.client.core.gallery.Images.image;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.DeleteResult;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.Visibility;
import org.junit.jupiter.api.Test;

class BulkResultTest {
    private final Image first = image(1, "ann");
    private final Image second = image(2, "ann");
    private final Image foreign = image(3, "bob");

    @Test
    void anAppliedEditTellsEachImagesNewValues() {
        Image changed = new Image(2, "Image 2", "", List.of("sea"), new BigDecimal("9.00"), 0, "ann",
                Visibility.PRIVATE, 640, 480, "jpeg", 1000, "ab2", first.created());
        BulkResult result = BulkResult.updated(List.of(first, second), List.of(first, changed), List.of(foreign));
        assertTrue(result.applied());
        assertEquals(2, result.doneCount());
        assertEquals("Updated: 9.00, 0 in stock, private, tags sea", result.lines().get(1).outcome());
        assertEquals(new BulkResult.Line(3, "Image 3", BulkResult.Status.SKIPPED, "not yours"), result.lines().get(2));
        assertEquals("2 images changed.", result.summary());
    }

    @Test
    void aRefusalNamesTheRefusedIdsAndLeavesTheOthers() {
        GalleristException refusal = new GalleristException(ErrorCode.NOT_FOUND, "1 of 2 images were refused",
                Map.of("errors", List.of(Map.of("id", 2.0, "error", "not_found", "message", "No image #2."))));
        BulkResult result = BulkResult.refused(List.of(first, second), refusal, List.of());
        assertFalse(result.applied());
        assertEquals("Left as it was, because others were refused", result.lines().get(0).outcome());
        assertEquals("Refused: No image #2.", result.lines().get(1).outcome());
        assertTrue(result.summary().startsWith("Nothing was changed"));
    }

    @Test
    void aFailureNamingNoIdIsEveryImagesReason() {
        BulkResult result = BulkResult.refused(List.of(first, second),
                new GalleristException(ErrorCode.CONNECTION_FAILED, "Cannot reach the server."), List.of());
        assertEquals(List.of("Failed: Cannot reach the server.", "Failed: Cannot reach the server."),
                result.lines().stream().map(BulkResult.Line::outcome).toList());
    }

    @Test
    void aDeleteIsAppliedOnlyWhenEveryImageWent() {
        BulkResult all = BulkResult.deleted(List.of(first, second),
                List.of(new DeleteResult(1, true, null, ""), new DeleteResult(2, true, null, "")), List.of());
        assertTrue(all.applied());
        assertEquals("Deleted", all.lines().get(1).outcome());
        BulkResult none = BulkResult.deleted(List.of(first, second), List.of(new DeleteResult(1, false, null, ""),
                new DeleteResult(2, false, ErrorCode.FORBIDDEN, "Image #2 is not yours.")), List.of());
        assertFalse(none.applied());
        assertEquals("Left as it was, because others were refused", none.lines().get(0).outcome());
        assertEquals("Refused: Image #2 is not yours.", none.lines().get(1).outcome());
        assertTrue(none.refusals().endsWith("(see the results). #2: Image #2 is not yours."), none.refusals());
    }
}
