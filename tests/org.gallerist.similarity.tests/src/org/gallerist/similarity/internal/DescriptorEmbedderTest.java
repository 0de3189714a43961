package org.gallerist.similarity.internal;

import static org.gallerist.similarity.internal.Pictures.channelGains;
import static org.gallerist.similarity.internal.Pictures.crop;
import static org.gallerist.similarity.internal.Pictures.desaturated;
import static org.gallerist.similarity.internal.Pictures.gamma;
import static org.gallerist.similarity.internal.Pictures.hueRotated;
import static org.gallerist.similarity.internal.Pictures.jpeg;
import static org.gallerist.similarity.internal.Pictures.longSide;
import static org.gallerist.similarity.internal.Pictures.scaled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.gallerist.spi.similarity.Embedder;
import org.gallerist.spi.similarity.Embedding;
import org.gallerist.similarity.internal.Pictures.Photo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

class DescriptorEmbedderTest {

    private final DescriptorEmbedder embedder = new DescriptorEmbedder();

    // --- finding copies ------------------------------------------------------------------------------------------

    @Test
    void findsResizedAndReencodedCopiesOfThePhotosFirst() {
        Map<String, UnaryOperator<BufferedImage>> edits = new LinkedHashMap<>();
        edits.put("resized to 96 px", longSide(96));
        edits.put("resized to 50%", scaled(0.5));
        edits.put("JPEG q=30", jpeg(0.3f));
        edits.put("50% and JPEG q=30", image -> jpeg(0.3f).apply(scaled(0.5).apply(image)));

        assertEquals(1.0, recallAtOne("photos", photos(), edits), "every copy finds its original first");
    }

    @Test
    void findsCroppedAndRecolouredCopiesOfThePhotosFirst() {
        Map<String, UnaryOperator<BufferedImage>> edits = new LinkedHashMap<>();
        edits.put("5% cropped off every side", crop(0.05, 0.05, 0.9, 0.9));
        edits.put("10% cropped off top and left", crop(0.1, 0.1, 0.9, 0.9));
        edits.put("warmer", channelGains(1.12f, 1f, 0.85f));
        edits.put("cooler", channelGains(0.88f, 0.98f, 1.15f));
        edits.put("20% brighter", channelGains(1.2f, 1.2f, 1.2f));
        edits.put("25% darker", channelGains(0.75f, 0.75f, 0.75f));
        edits.put("gamma 0.7", gamma(0.7));
        edits.put("hue +15°", hueRotated(15));
        edits.put("half desaturated", desaturated(0.5f));
        edits.put("greyscale", desaturated(1));
        edits.put("cropped, warmer, 40% and JPEG q=40", image -> jpeg(0.4f).apply(scaled(0.4).apply(
                channelGains(1.1f, 1.05f, 0.9f).apply(crop(0.04, 0.06, 0.9, 0.9).apply(image)))));

        assertTrue(recallAtOne("photos", photos(), edits) >= 0.95, "copies find their original first");
    }

    @Test
    void findsCopiesOfGeneratedScenesFirst() {
        // Needs no shared photos, and has more originals to confuse a copy with.
        List<Photo> scenes = new ArrayList<>();
        for (int seed = 0; seed < 40; seed++) {
            scenes.add(new Photo("scene " + seed, Pictures.scene(seed, 480 + seed * 7, 360)));
        }
        Map<String, UnaryOperator<BufferedImage>> edits = new LinkedHashMap<>();
        edits.put("resized to 96 px", longSide(96));
        edits.put("JPEG q=30", jpeg(0.3f));
        edits.put("5% cropped off every side", crop(0.05, 0.05, 0.9, 0.9));
        edits.put("warmer", channelGains(1.12f, 1f, 0.85f));

        assertEquals(1.0, recallAtOne("generated scenes", scenes, edits), "every copy finds its original first");
    }

    /** The share of edited copies whose most similar original is the one they were made from; printed per edit. */
    private double recallAtOne(String collection, List<Photo> originals, Map<String, UnaryOperator<BufferedImage>> edits) {
        List<float[]> vectors = originals.stream().map(photo -> embedder.describe(photo.image())).toList();
        int found = 0;
        int total = 0;
        for (Map.Entry<String, UnaryOperator<BufferedImage>> edit : edits.entrySet()) {
            int foundForEdit = 0;
            List<String> misses = new ArrayList<>();
            for (int i = 0; i < originals.size(); i++) {
                float[] query = embedder.describe(edit.getValue().apply(originals.get(i).image()));
                int best = 0;
                for (int j = 1; j < vectors.size(); j++) {
                    if (dot(query, vectors.get(j)) > dot(query, vectors.get(best))) {
                        best = j;
                    }
                }
                if (best == i) {
                    foundForEdit++;
                } else {
                    misses.add(originals.get(i).name() + " → " + originals.get(best).name());
                }
            }
            System.out.printf("descriptor recall@1, %s, %-36s %d/%d%s%n", collection, edit.getKey() + ":", foundForEdit,
                    originals.size(), misses.isEmpty() ? "" : " missed " + misses);
            found += foundForEdit;
            total += originals.size();
        }
        double recall = (double) found / total;
        System.out.printf("descriptor recall@1, %s, all edits: %.3f (%d/%d)%n", collection, recall, found, total);
        return recall;
    }

    private static List<Photo> photos() {
        List<Photo> photos = Pictures.sharedPhotos();
        assumeFalse(photos.isEmpty(), "No shared photos at " + Pictures.photosFolder() + "; skipping the photo check");
        return photos;
    }

    // --- the vectors -----------------------------------------------------------------------------------------------

    @Test
    void vectorsAreUnitLengthDeterministicAndOfTheDeclaredDimension() {
        assertEquals("descriptor:v1", embedder.id());
        BufferedImage scene = Pictures.scene(7, 640, 480);
        List<Embedding> embeddings = embedder.embed(List.of(scene, Pictures.scene(8, 300, 500), scene));

        assertEquals(3, embeddings.size());
        for (Embedding embedding : embeddings) {
            assertEquals(embedder.dimension(), embedding.vector().length);
            assertUnitLength(embedding.vector());
            assertTrue(embedding.labels().isEmpty(), "a descriptor has no labels");
        }
        assertArrayEquals(embeddings.get(0).vector(), embeddings.get(2).vector(), "same image, same vector");
        assertArrayEquals(embeddings.get(0).vector(), new DescriptorEmbedder().describe(scene), "and in a new instance");
        assertFalse(dot(embeddings.get(0).vector(), embeddings.get(1).vector()) > 0.9, "different scenes differ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1x1", "2x2", "4000x3", "3x4000", "10000x1", "63x65"})
    void tinyAndExtremeShapesWork(String size) {
        String[] sides = size.split("x");
        BufferedImage image = Pictures.convert(
                Pictures.scene(3, Integer.parseInt(sides[0]) * 2 + 8, Integer.parseInt(sides[1]) * 2 + 8),
                BufferedImage.TYPE_INT_RGB).getSubimage(0, 0, Integer.parseInt(sides[0]), Integer.parseInt(sides[1]));

        float[] vector = embedder.describe(image);

        assertEquals(embedder.dimension(), vector.length);
        assertUnitLength(vector);
    }

    @Test
    void flatImagesGetColourOnly() {
        float[] black = embedder.describe(Pictures.filled(50, 40, BufferedImage.TYPE_INT_RGB, Color.BLACK));
        float[] red = embedder.describe(Pictures.filled(1, 1, BufferedImage.TYPE_INT_RGB, Color.RED));

        assertUnitLength(black);
        assertUnitLength(red);
        assertTrue(dot(black, red) < 0.5, "black and red are not alike: " + dot(black, red));
        assertEquals(1.0, dot(red, embedder.describe(Pictures.filled(300, 200, BufferedImage.TYPE_INT_RGB, Color.RED))),
                1e-5, "a red pixel is like a red field");
    }

    @Test
    void imageTypesDoNotMatter() {
        BufferedImage scene = Pictures.scene(11, 400, 300);
        float[] rgb = embedder.describe(scene);

        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR,
                BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_USHORT_565_RGB}) {
            assertEquals(1.0, dot(rgb, embedder.describe(Pictures.convert(scene, type))), 0.01, "type " + type);
        }
    }

    @Test
    void greyscaleImagesWork() {
        BufferedImage grey = Pictures.convert(Pictures.scene(12, 400, 300), BufferedImage.TYPE_BYTE_GRAY);

        float[] vector = embedder.describe(grey);

        assertUnitLength(vector);
        assertEquals(1.0, dot(vector, embedder.describe(Pictures.convert(grey, BufferedImage.TYPE_INT_RGB))), 1e-3,
                "the same grey picture in RGB");
        assertEquals(1.0, dot(vector, embedder.describe(Pictures.convert(grey, BufferedImage.TYPE_USHORT_GRAY))), 0.01,
                "and in 16 bits");
    }

    @Test
    void transparencyIsFlattenedOntoWhite() {
        BufferedImage halfClear = new BufferedImage(80, 60, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = halfClear.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 40, 60);
        g.dispose();
        BufferedImage onWhite = Pictures.filled(80, 60, BufferedImage.TYPE_INT_RGB, Color.WHITE);
        g = onWhite.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 40, 60);
        g.dispose();

        assertEquals(1.0, dot(embedder.describe(halfClear), embedder.describe(onWhite)), 1e-5);
    }

    @Test
    void hugeImagesAreSampledNotRejected() {
        BufferedImage huge = Pictures.scene(13, 4000, 3000); // 12 megapixels: read every second row and column
        float[] sampled = embedder.describe(huge);

        assertUnitLength(sampled);
        assertTrue(dot(sampled, embedder.describe(longSide(1000).apply(huge))) > 0.98, "like a reduced copy");
    }

    // --- OSGi ------------------------------------------------------------------------------------------------------

    @Test
    void componentIsRegisteredByDeclarativeServicesBelowModelEmbedders() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        assertNotNull(context, "the similarity bundle is started");
        ServiceTracker<Embedder, Embedder> tracker = new ServiceTracker<>(context, Embedder.class, null);
        tracker.open();
        try {
            assertNotNull(tracker.waitForService(10_000), "SCR registered an Embedder");
            ServiceReference<Embedder> descriptor = null;
            for (ServiceReference<Embedder> reference : tracker.getServiceReferences()) {
                if ("descriptor:v1".equals(context.getService(reference).id())) {
                    descriptor = reference;
                }
                context.ungetService(reference);
            }
            assertNotNull(descriptor, "the descriptor embedder is among the registered embedders");
            assertEquals(-100, descriptor.getProperty(Constants.SERVICE_RANKING));
            Embedder service = tracker.getService(descriptor);
            float[] vector = service.embed(List.of(Pictures.scene(1, 100, 80))).get(0).vector();
            assertEquals(service.dimension(), vector.length);
        } finally {
            tracker.close();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private static void assertUnitLength(float[] vector) {
        for (float value : vector) {
            assertTrue(Float.isFinite(value), "finite");
        }
        assertEquals(1.0, Math.sqrt(dot(vector, vector)), 1e-4, "unit length");
    }
}
