package org.gallerist.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageDetails;
import org.gallerist.api.image.ImageErrors;
import org.gallerist.api.image.PhotoFacts;
import org.gallerist.api.image.Upload;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderLine;
import org.gallerist.api.order.Shortfall;
import org.gallerist.api.similarity.SimilarImage;
import org.junit.jupiter.api.Test;

/** The wire as plain OpenSSH scripts see it, and the records the client reads back from it. */
class WireJsonTest {

    private static final Instant CREATED = Instant.parse("2026-11-02T10:15:30.123Z");
    private static final Image ROCKET = new Image(7, "Rocket launch", "", List.of("night", "space"),
            new BigDecimal("12.5"), 3, "alice", Visibility.PUBLIC, 640, 427, "jpeg", 5120, "ab".repeat(32), CREATED);

    private final WireJson json = new WireJson();

    @Test
    void anImageKeepsTheFieldNamesAndSpellingsScriptsUse() {
        assertEquals("{\"id\":7,\"name\":\"Rocket launch\",\"description\":\"\",\"tags\":[\"night\",\"space\"],"
                + "\"price\":\"12.50\",\"quantity\":3,\"owner\":\"alice\",\"visibility\":\"public\",\"width\":640,"
                + "\"height\":427,\"format\":\"jpeg\",\"bytes\":5120,\"sha256\":\"" + "ab".repeat(32) + "\","
                + "\"created\":\"2026-11-02T10:15:30.123Z\",\"pages\":1}\n", json.line(ROCKET));
        Image read = readBack(ROCKET, Image.class);
        assertEquals(new BigDecimal("12.50"), read.price());
        assertEquals(ROCKET.created(), read.created());
        assertEquals(ROCKET.tags(), read.tags());
    }

    @Test
    void detailsAddWhatTheModelSawAndTheCameraOnlyWhenThereIsOne() {
        PhotoFacts camera = new PhotoFacts("2024-05-01T06:12:13", "Fujifilm", "X-T5", null, "1/250 s", "f/2.8",
                "35 mm", 400);
        String line = json.line(new ImageDetails(ROCKET, List.of("tabby, tabby cat"), camera, true, false, true));
        assertTrue(line.endsWith("\"pages\":1,\"seen_by_model\":[\"tabby, tabby cat\"],\"photo\":{\"captured\":"
                + "\"2024-05-01T06:12:13\",\"camera_make\":\"Fujifilm\",\"camera_model\":\"X-T5\",\"exposure\":"
                + "\"1/250 s\",\"aperture\":\"f/2.8\",\"focal_length\":\"35 mm\",\"iso\":400},\"camera_shared\":true,"
                + "\"free_download\":false,\"original_allowed\":true}\n"), line);
        ImageDetails read = readBack(new ImageDetails(ROCKET, List.of(), camera, true, true, true),
                ImageDetails.class);
        assertEquals(camera, read.photo());
        assertTrue(read.cameraShared());
        assertTrue(read.freeDownload() && read.originalAllowed());
        assertFalse(readBack(new ImageDetails(ROCKET, List.of()), ImageDetails.class).originalAllowed());
        assertFalse(json.line(new ImageDetails(ROCKET, List.of())).contains("photo"), "no camera, no field");
    }

    @Test
    void anUploadAndASearchHitAreTheImageLinePlusWhatTheServerNoticed() {
        Upload upload = new Upload(ROCKET, List.of(new Upload.NearDuplicate(3, "Rocket", 0.987654)), List.of("space"));
        Map<String, Object> line = json.lines(json.line(upload).getBytes(StandardCharsets.UTF_8)).get(0).asMap();
        assertEquals("Rocket launch", line.get("name"), "flat: jq .name works on every image line");
        assertEquals(List.of(Map.of("id", 3L, "name", "Rocket", "score", 0.9877)), line.get("near_duplicates"));
        assertEquals(List.of("space"), line.get("suggested_tags"));
        Upload read = readBack(upload, Upload.class);
        assertEquals(ROCKET.id(), read.image().id());
        assertEquals(0.9877, read.nearDuplicates().get(0).score());

        SimilarImage hit = readBack(new SimilarImage(ROCKET, 0.912345), SimilarImage.class);
        assertEquals(0.9123, hit.score(), "four places are enough to rank by");
        assertEquals("Rocket launch", hit.image().name());
    }

    @Test
    void anOrderCarriesItsLineAndOrderTotals() {
        Order order = new Order(4, "bob", CREATED, List.of(new OrderLine(7, "Rocket launch", "alice", 2,
                new BigDecimal("12.50"))));
        String line = json.line(order);
        assertTrue(line.contains("\"unit_price\":\"12.50\",\"total\":\"25.00\"}],\"total\":\"25.00\""), line);
        Order read = readBack(order, Order.class);
        assertEquals(order.lines(), read.lines());
        assertEquals(new BigDecimal("25.00"), read.total());
    }

    @Test
    void resultLinesLeaveOutWhatDoesNotApply() {
        assertEquals("{\"file\":\"./notes.txt\",\"error\":\"not_an_image\",\"message\":\"Not an image.\"}\n",
                json.line(Replies.ImportOutcome.failed("./notes.txt", ErrorCode.NOT_AN_IMAGE, "Not an image.")));
        assertEquals("{\"id\":5,\"deleted\":true}\n", json.line(Replies.DeleteOutcome.deleted(5)));
        assertEquals("{\"user\":\"alice\",\"role\":\"admin\",\"created\":\"2026-11-02T10:15:30.123Z\"}\n",
                json.line(new Replies.Account("alice", org.gallerist.api.Role.ADMIN, CREATED, null)));
    }

    @Test
    void errorsTravelWithTheirDetails() throws Exception {
        GalleristException duplicate = roundTrip(ImageErrors.duplicate(12));
        assertEquals(ErrorCode.DUPLICATE, duplicate.code());
        assertEquals(12L, duplicate.longDetail(GalleristException.EXISTING_ID).orElseThrow());

        Shortfall rocket = new Shortfall(7, "Rocket \"launch\"", 1, 2);
        GalleristException shortStock = roundTrip(Shortfall.error(List.of(rocket)));
        assertEquals(List.of(rocket), Shortfall.of(shortStock));
        assertTrue(shortStock.getMessage().contains("#7 'Rocket \"launch\"' has 1 (you asked for 2)"));
    }

    @Test
    void whatTheServerDidNotSayIsStillAClearError() {
        assertEquals(ErrorCode.INTERNAL, json.error("{\"error\":\"from_the_future\",\"message\":\"new\"}"
                .getBytes(StandardCharsets.UTF_8), 1).code(), "codes a newer server adds read as internal");
        GalleristException noJson = json.error("bash: gallerist: command not found\n".getBytes(StandardCharsets.UTF_8),
                127);
        assertEquals(ErrorCode.INTERNAL, noJson.code());
        assertTrue(noJson.getMessage().contains("status 127: bash: gallerist: command not found"), noJson.getMessage());
        GalleristException notJson = assertThrows(GalleristException.class,
                () -> json.lines("<html>\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(notJson.getMessage().contains("not JSON"), notJson.getMessage());
        GalleristException notAnImage = assertThrows(GalleristException.class,
                () -> json.lines("{\"id\":1}".getBytes(StandardCharsets.UTF_8)).get(0).as(Image.class));
        assertEquals(ErrorCode.INTERNAL, notAnImage.code());
    }

    @Test
    void inputIsReadStrictly() {
        assertEquals(List.of(new org.gallerist.protocol.command.Orders.Line(7L, 2L)), json.readList(
                "[{\"image\": 7, \"quantity\": 2}]", org.gallerist.protocol.command.Orders.Line.class, "an order"));
        for (String bad : List.of("", "{}", "[{\"image\": 1.5, \"quantity\": 1}]", "not json")) {
            GalleristException e = assertThrows(GalleristException.class,
                    () -> json.readList(bad, org.gallerist.protocol.command.Orders.Line.class, "an order"), bad);
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), bad);
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        }
    }

    private <T> T readBack(Object value, Class<T> type) {
        return json.lines(json.line(value).getBytes(StandardCharsets.UTF_8)).get(0).as(type);
    }

    private GalleristException roundTrip(GalleristException error) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        json.writeError(err, error);
        return json.error(err.toByteArray(), 1);
    }
}
