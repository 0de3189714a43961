package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageDetails;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Page;
import org.gallerist.api.image.Upload;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.tests.harness.Await;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.SharedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server as installed, with no model option: the built-in SqueezeNet searches by content and names what it sees. */
class DefaultModelTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> PHOTOS = List.of("astronaut.png", "chelsea.png", "coffee.png",
            "motorcycle_right.png", "rocket.jpg");

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    @Test
    void theBuiltInModelNamesWhatItSeesAndTextSearchFindsIt() throws Exception {
        SharedModel.photos();
        GalleristSession bob = server.signedUp("bob");
        await(() -> bob.images().similarityStatus().embedder().startsWith("onnx:"), "the built-in model is loaded");

        Map<String, Object> info = bob.exec(List.of("server", "info"), new byte[0]).get(0);
        System.out.println("server info: " + info);
        assertTrue(info.get("embedder").toString().startsWith("onnx:squeezenet1.1-embed-fp32@293c68c3"), info.toString());
        assertTrue(info.get("model").toString().contains("SqueezeNet 1.1"), info.toString());
        assertTrue(info.get("credits").toString().contains("BSD-2-Clause"), info.toString());

        Map<String, Upload> uploads = new LinkedHashMap<>();
        for (String photo : PHOTOS) {
            uploads.put(photo, bob.images().upload(new NewImage(photo.replaceFirst("\\..*", ""), "", List.of(),
                    BigDecimal.ONE, 1, Visibility.PUBLIC), Files.readAllBytes(SharedModel.photo(photo))));
        }
        Upload cat = uploads.get("chelsea.png");
        System.out.println("Suggested for the cat: " + cat.suggestedTags());
        assertFalse(cat.suggestedTags().isEmpty(), "an untagged photo gets suggested tags");

        ImageDetails details = bob.images().details(cat.image().id());
        System.out.println("Seen in the cat: " + details.seenByModel());
        assertTrue(details.seenByModel().stream().anyMatch(label -> label.contains("cat")), details.toString());
        Map<String, Object> shown = bob.exec(List.of("images", "show", String.valueOf(cat.image().id())),
                new byte[0]).get(0);
        assertEquals(details.seenByModel(), shown.get("seen_by_model"), "plain JSON carries it too");

        // A name match ranks above what the model saw; paging goes on from one rank into the next.
        Image named = bob.images().add(new NewImage("cat drawing", "", List.of(), BigDecimal.ONE, 1,
                Visibility.PUBLIC), TestImages.png(7, 64, 48));
        Page<Image> first = bob.images().list(new ImageQuery(List.of(), false, "cat", false, 1, null));
        assertEquals(List.of(named.id()), first.items().stream().map(Image::id).toList());
        Page<Image> second = bob.images().list(new ImageQuery(List.of(), false, "cat", false, 60, first.next()));
        assertEquals(List.of(cat.image().id()), second.items().stream().map(Image::id).toList(),
                "only the cat photo shows a cat");
        assertEquals(null, second.next());
    }

    @Test
    void aDataFolderIndexedWithTheDescriptorIsReindexedWithTheModel() throws Exception {
        SharedModel.photos();
        server.startWith(Map.of("modelEnabled", false));
        GalleristSession bob = server.signedUp("bob");
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String photo : PHOTOS) {
            ids.put(photo, bob.images().add(new NewImage(photo.replaceFirst("\\..*", ""), "", List.of("old"),
                    BigDecimal.ONE, 1, Visibility.PUBLIC), Files.readAllBytes(SharedModel.photo(photo))).id());
        }
        await(() -> bob.images().similarityStatus().indexed() == PHOTOS.size(), "indexed by the descriptor");
        assertFalse(bob.images().similarityStatus().embedder().startsWith("onnx:"));
        assertTrue(bob.images().list(new ImageQuery(List.of(), false, "cat", false, 60, null)).items().isEmpty());

        server.startWith(Map.of()); // an upgrade: the same data folder, the default settings
        GalleristSession again = server.logIn("bob");
        await(() -> {
            SimilarityService.Status status = again.images().similarityStatus();
            System.out.println("re-index: " + status);
            return status.embedder().startsWith("onnx:") && status.indexed() == PHOTOS.size() && !status.reindexing();
        }, "the model re-indexes every image");
        assertTrue(again.images().details(ids.get("chelsea.png")).seenByModel().stream()
                .anyMatch(label -> label.contains("cat")));
        assertEquals(List.of(ids.get("chelsea.png")), again.images()
                .list(new ImageQuery(List.of(), false, "cat", false, 60, null)).items().stream().map(Image::id).toList());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(WAIT, what, condition);
    }
}
