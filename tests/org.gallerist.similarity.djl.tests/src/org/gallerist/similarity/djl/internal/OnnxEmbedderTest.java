package org.gallerist.similarity.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.gallerist.spi.similarity.Embedding;
import org.gallerist.tests.harness.SharedModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared SqueezeNet model on the shared photos and on edited copies of them. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OnnxEmbedderTest {

    private static OnnxEmbedder embedder;
    private static Map<String, BufferedImage> photos;
    private static Map<String, float[]> originals;

    @BeforeAll
    static void load() throws Exception {
        if (!SharedModel.present()) {
            return; // each test then skips (or fails, where the model is required) in requireModel()
        }
        Path model = SharedModel.model();
        embedder = OnnxEmbedderLoader.load(SharedPhotos.settings(model, 16));
        photos = SharedPhotos.all();
        originals = new LinkedHashMap<>();
        List<Embedding> embeddings = embedder.embed(new ArrayList<>(photos.values()));
        int i = 0;
        for (String name : photos.keySet()) {
            originals.put(name, embeddings.get(i++).vector());
        }
    }

    @BeforeEach
    void requireModel() {
        SharedModel.model();
        SharedModel.photos();
    }

    @AfterAll
    static void close() {
        if (embedder != null) {
            embedder.close();
        }
    }

    @Test
    void theIdNamesTheFileAndItsHashAndVectorsAreUnitLength() throws Exception {
        Path model = SharedModel.model();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model)));
        String name = model.getFileName().toString().replaceFirst("\\.onnx$", "");
        assertEquals("onnx:" + name + "@" + sha256.substring(0, 8), embedder.id());
        assertEquals(512, embedder.dimension(), "SqueezeNet 1.1's pooled features");
        for (float[] vector : originals.values()) {
            assertEquals(512, vector.length);
            assertEquals(1.0, SharedPhotos.cosine(vector, vector), 1e-4);
        }
    }

    @Test
    void editedCopiesFindTheirOriginalFirst() {
        double recall = recallAtOne("edited copies", Variants.all());
        recallAtOne("harder crops and rotations (not asserted)", Variants.harder());
        assertTrue(recall >= 0.95, "recall@1 " + recall);
    }

    /** Prints and returns the share of edited copies whose nearest original is the photo they were made from. */
    private static double recallAtOne(String what, Map<String, UnaryOperator<BufferedImage>> variants) {
        int found = 0;
        int total = 0;
        List<String> misses = new ArrayList<>();
        for (Map.Entry<String, UnaryOperator<BufferedImage>> variant : variants.entrySet()) {
            List<BufferedImage> copies = new ArrayList<>();
            for (BufferedImage photo : photos.values()) {
                copies.add(variant.getValue().apply(photo));
            }
            List<Embedding> embeddings = embedder.embed(copies);
            int i = 0;
            for (String original : photos.keySet()) {
                String best = nearest(embeddings.get(i++).vector());
                total++;
                if (best.equals(original)) {
                    found++;
                } else {
                    misses.add(original + " (" + variant.getKey() + ") -> " + best);
                }
            }
        }
        double recall = (double) found / total;
        System.out.printf("ONNX embedder recall@1, %s: %.3f (%d of %d copies of %d photos, %d kinds of edit)%n", what,
                recall, found, total, photos.size(), variants.size());
        misses.forEach(miss -> System.out.println("  missed: " + miss));
        return recall;
    }

    @Test
    void theTwoMotorcycleViewsRankEachOtherAboveUnrelatedPhotos() {
        assertEquals("motorcycle_right.png", nearestOther("motorcycle_left.png"));
        assertEquals("motorcycle_left.png", nearestOther("motorcycle_right.png"));
    }

    @Test
    void concurrentCallsGiveTheSameVectorsAsSingleCalls() throws Exception {
        List<String> names = new ArrayList<>(photos.keySet());
        Map<String, float[]> single = new LinkedHashMap<>();
        for (String name : names) {
            single.put(name, embedder.embed(List.of(photos.get(name))).get(0).vector());
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, float[]>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<String> order = new ArrayList<>(names);
                Collections.shuffle(order, new Random(t));
                results.add(threads.submit(() -> {
                    Map<String, float[]> vectors = new LinkedHashMap<>();
                    for (int round = 0; round < 3; round++) {
                        for (String name : order) {
                            vectors.put(name + "#" + round, embedder.embed(List.of(photos.get(name))).get(0).vector());
                        }
                    }
                    return vectors;
                }));
            }
            for (Future<Map<String, float[]>> result : results) {
                for (Map.Entry<String, float[]> entry : result.get(2, TimeUnit.MINUTES).entrySet()) {
                    float[] expected = single.get(entry.getKey().replaceFirst("#\\d+$", ""));
                    assertEquals(1.0, SharedPhotos.cosine(expected, entry.getValue()), 1e-5, entry.getKey());
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anObviousPhotoGetsSensibleLabels() {
        List<Embedding.Label> labels = embedder.embed(List.of(photos.get("coffee.png"))).get(0).labels();
        System.out.println("Labels for coffee.png: " + labels);
        assertFalse(labels.isEmpty(), "a cup of coffee is something the model knows");
        assertTrue(Set.of("coffee mug", "cup", "espresso").contains(labels.get(0).name()), labels.toString());
    }

    @Test
    void aBrokenOrMissingModelFileIsOneClearLine() throws Exception {
        Path broken = Files.createTempFile("broken", ".onnx");
        try {
            Files.write(broken, "this is not a model".getBytes());
            ModelLoadException e = assertThrows(ModelLoadException.class,
                    () -> OnnxEmbedderLoader.load(SharedPhotos.settings(broken, 4)));
            assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            System.out.println("Broken model: " + e.getMessage());

            Path missing = broken.resolveSibling("no-such-model.onnx");
            assertEquals("The model file " + missing + " does not exist.", assertThrows(ModelLoadException.class,
                    () -> OnnxEmbedderLoader.load(SharedPhotos.settings(missing, 4))).getMessage());
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    @Test
    void aWrongOutputNameListsTheModelsOutputs() {
        OnnxSettings settings = SharedPhotos.settings(SharedModel.model(), 4);
        OnnxSettings wrong = new OnnxSettings(settings.modelFile(), "pool", 224, settings.preprocessing(),
                settings.labelFile(), "probs", 0.2, 4, "wrong output", "");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> OnnxEmbedderLoader.load(wrong));
        assertTrue(e.getMessage().contains("no output 'pool'") && e.getMessage().contains("features"), e.getMessage());
    }

    private static String nearest(float[] vector) {
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, float[]> original : originals.entrySet()) {
            double score = SharedPhotos.cosine(vector, original.getValue());
            if (score > bestScore) {
                bestScore = score;
                best = original.getKey();
            }
        }
        return best;
    }

    private static String nearestOther(String name) {
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, float[]> other : originals.entrySet()) {
            double score = SharedPhotos.cosine(originals.get(name), other.getValue());
            if (!other.getKey().equals(name) && score > bestScore) {
                bestScore = score;
                best = other.getKey();
            }
        }
        return best;
    }
}
