package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Upload;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.tests.harness.Await;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.SharedModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared SqueezeNet model configured into a running server, used over real SSH. */
class OnnxSimilaritySearchTest {

    private static final String MODEL_PID = "org.gallerist.similarity.onnx";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> PHOTOS = List.of("astronaut.png", "chelsea.png", "coffee.png",
            "hubble_deep_field.jpg", "motorcycle_right.png", "retina.jpg", "rocket.jpg");

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false); // the descriptor

    private GalleristSession bob;
    private final Map<Long, String> uploaded = new HashMap<>();

    @BeforeEach
    void startWithTheBuiltInDescriptor() throws Exception {
        SharedModel.model();
        bob = server.signedUp("bob");
        for (String photo : PHOTOS) {
            Image image = bob.images().add(new NewImage(photo.replaceFirst("\\..*", ""), "", List.of("shared"),
                    BigDecimal.ONE, 1, Visibility.PUBLIC), Files.readAllBytes(SharedModel.photo(photo)));
            uploaded.put(image.id(), photo);
        }
        await(() -> bob.images().similarityStatus().indexed() == PHOTOS.size(), "indexed by the descriptor");
    }

    @Test
    void theModelTakesOverReindexesAndFindsTheOtherMotorcycleViewFirst() throws Exception {
        String descriptor = bob.images().similarityStatus().embedder();
        assertFalse(descriptor.startsWith("onnx:"), descriptor);
        server.configure(MODEL_PID, Map.of("modelFile", SharedModel.model().toString(), "labelFile",
                SharedModel.labels().toString())); // deleted again after the test, before the server stops

        // While the model takes over, every answer comes from one embedder: a search never returns more images
        // than that embedder has indexed at the time, whatever the other has.
        List<SimilarityService.Status> seen = new ArrayList<>();
        long anImage = uploaded.keySet().iterator().next();
        await(() -> {
            SimilarityService.Status before = bob.images().similarityStatus();
            List<SimilarImage> hits = bob.images().similarTo(anImage, 50, List.of());
            SimilarityService.Status after = bob.images().similarityStatus();
            seen.add(after);
            if (before.embedder().equals(after.embedder())) {
                assertTrue(hits.size() <= Math.max(0, after.indexed() - 1), hits.size() + " hits while " + after);
            }
            return after.embedder().startsWith("onnx:") && after.indexed() == PHOTOS.size() && !after.reindexing();
        }, "the model re-indexes every image");
        System.out.println("Statuses seen while switching: " + seen);

        Map<String, Object> info = bob.exec(List.of("server", "info"), new byte[0]).get(0);
        assertTrue(info.get("embedder").toString().startsWith("onnx:squeezenet1.1-embed-fp32@"), info.toString());
        assertEquals(512, ((Number) info.get("dimension")).intValue(), info.toString());

        byte[] left = Files.readAllBytes(SharedModel.photo("motorcycle_left.png"));
        List<SimilarImage> hits = bob.images().similar(left, 10, List.of());
        assertEquals(PHOTOS.size(), hits.size(), "every image, scored by the model: " + hits);
        assertEquals("motorcycle_right.png", uploaded.get(hits.get(0).image().id()), hits.toString());

        Upload upload = bob.images().upload(new NewImage("motorcycle left", "", List.of("shared"), BigDecimal.ONE, 1,
                Visibility.PUBLIC), left);
        System.out.println("Uploading the other view: " + upload.nearDuplicates() + ", suggested " + upload.suggestedTags());
        assertEquals("motorcycle_right", upload.nearDuplicates().get(0).name(), upload.toString());

        server.configure(MODEL_PID, Map.of("modelEnabled", false)); // what --no-model says
        await(() -> {
            SimilarityService.Status status = bob.images().similarityStatus();
            return status.embedder().equals(descriptor) && status.indexed() == PHOTOS.size() + 1 && !status.reindexing();
        }, "back to the descriptor when the model is switched off");
        assertEquals(PHOTOS.size(), bob.images().similarTo(upload.image().id(), 20, List.of()).size());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(WAIT, what, condition);
    }
}
