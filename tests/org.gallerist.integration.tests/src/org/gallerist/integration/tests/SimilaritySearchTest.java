package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Upload;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.spi.similarity.Embedder;
import org.gallerist.spi.similarity.Embedding;
import org.gallerist.spi.storage.ImageStore;
import org.gallerist.tests.harness.Await;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** Search by example over real SSH with the built-in model-free embedder, and a change of embedder while running. */
class SimilaritySearchTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false); // the descriptor

    private GalleristSession bob;
    private GalleristSession carol;
    private final List<Image> originals = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        // alice signs up first, and is a user like every signed-up account: bob and carol see only what users see
        server.signUp("alice");
        bob = server.signedUp("bob");
        carol = server.signedUp("carol");
        for (int seed = 1; seed <= 6; seed++) {
            originals.add(bob.images().add(image("Picture " + seed, Visibility.PUBLIC), TestImages.jpeg(seed, 480, 360)));
        }
    }

    private static NewImage image(String name, Visibility visibility) {
        return new NewImage(name, "", List.of("test"), BigDecimal.ONE, 1, visibility);
    }

    @Test
    void resizedAndReencodedCopiesFindTheirOriginalFirstAndUploadsReportNearDuplicates() throws Exception {
        SimilarityService.Status status = bob.images().similarityStatus();
        assertFalse(status.embedder().isBlank() || status.embedder().equals("none"), status.toString());
        assertTrue(status.dimension() > 0);
        await(() -> bob.images().similarityStatus().indexed() == originals.size(), "every upload is indexed");

        for (int seed = 1; seed <= 6; seed++) {
            byte[] variant = scaledJpeg(TestImages.jpeg(seed, 480, 360), 96, 0.3f);
            List<SimilarImage> hits = carol.images().similar(variant, 3, List.of());
            assertEquals(originals.get(seed - 1).id(), hits.get(0).image().id(), "seed " + seed + ": " + hits);
            assertTrue(hits.get(0).score() >= hits.get(1).score(), "best first");
        }

        Upload copy = carol.images().upload(image("My copy", Visibility.PRIVATE),
                scaledJpeg(TestImages.jpeg(2, 480, 360), 300, 0.8f));
        assertEquals(originals.get(1).id(), copy.nearDuplicates().get(0).id(), copy.toString());
        assertTrue(copy.nearDuplicates().get(0).score() >= 0.92, copy.toString());

        List<SimilarImage> likeTwo = bob.images().similarTo(originals.get(1).id(), 10, List.of());
        assertTrue(likeTwo.stream().noneMatch(hit -> hit.image().id() == originals.get(1).id()), "itself left out");
        assertTrue(likeTwo.stream().noneMatch(hit -> hit.image().id() == copy.image().id()),
                "carol's private copy is never shown to bob");
        assertEquals(copy.image().id(), carol.images().similarTo(originals.get(1).id(), 1, List.of()).get(0).image()
                .id(), "but carol finds her own copy first");
        assertTrue(bob.images().similar(TestImages.jpeg(2, 480, 360), 10, List.of("nope")).isEmpty(), "tag filter");

        assertEquals(ErrorCode.NOT_FOUND, assertThrows(GalleristException.class,
                () -> bob.images().similarTo(copy.image().id(), 5, List.of())).code());
        assertEquals(ErrorCode.NOT_AN_IMAGE, assertThrows(GalleristException.class,
                () -> bob.images().similar("text".getBytes(), 5, List.of())).code());
        assertEquals(ErrorCode.CORRUPT_IMAGE, assertThrows(GalleristException.class,
                () -> bob.images().similar(TestImages.truncated(TestImages.jpeg(9, 300, 200)), 5, List.of())).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalleristException.class,
                () -> bob.images().similar(TestImages.jpeg(1, 480, 360), 0, List.of())).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalleristException.class,
                () -> bob.exec(List.of("images", "similar", "--limit", "201"), TestImages.jpeg(1, 480, 360))).code());
    }

    /**
     * The index's copy of who may see an image can lag behind the row: here the row is changed through the store
     * itself, the way a change racing the search (or another node's) looks to the index, which is not told.
     */
    @Test
    void aHitMadePrivateOrDeletedAMomentAgoIsNeverReturnedToAnyoneElse() throws Exception {
        await(() -> bob.images().similarityStatus().indexed() == originals.size(), "every upload is indexed");
        Image viaCommand = originals.get(0);
        Image behindTheIndex = originals.get(1);
        Image deletedBehindTheIndex = originals.get(2);
        for (Image image : List.of(viaCommand, behindTheIndex, deletedBehindTheIndex)) {
            assertTrue(hits(carol, image).contains(image.id()), "carol finds #" + image.id() + " while public");
        }

        bob.images().update(viaCommand.id(), new ImageChanges(null, null, null, null, null, Visibility.PRIVATE));
        assertFalse(hits(carol, viaCommand).contains(viaCommand.id()), "made private by its owner, searched at once");

        ImageStore store = TestServer.service(ImageStore.class);
        store.update(behindTheIndex.id(), new ImageChanges(null, null, null, null, null, Visibility.PRIVATE));
        store.delete(deletedBehindTheIndex.id());
        assertFalse(hits(carol, behindTheIndex).contains(behindTheIndex.id()), "private in its row, public in the index");
        assertFalse(hits(carol, deletedBehindTheIndex).contains(deletedBehindTheIndex.id()), "deleted in its row");
        assertTrue(hits(bob, behindTheIndex).contains(behindTheIndex.id()), "its owner still finds it");
        assertFalse(hits(carol, behindTheIndex).contains(behindTheIndex.id()), "and carol still does not");
    }

    private static List<Long> hits(GalleristSession who, Image like) throws Exception {
        int seed = Integer.parseInt(like.name().substring("Picture ".length()));
        return who.images().similar(TestImages.jpeg(seed, 480, 360), 10, List.of()).stream()
                .map(hit -> hit.image().id()).toList();
    }

    @Test
    void aHigherRankedEmbedderTakesOverAndEveryImageIsReindexedWithIt() throws Exception {
        await(() -> bob.images().similarityStatus().indexed() == originals.size(), "indexed by the built-in embedder");
        String builtIn = bob.images().similarityStatus().embedder();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, 1000);
        ServiceRegistration<Embedder> registration = FrameworkUtil.getBundle(getClass()).getBundleContext()
                .registerService(Embedder.class, new MeanColourEmbedder(), properties);
        try {
            await(() -> {
                SimilarityService.Status status = bob.images().similarityStatus();
                return status.embedder().equals(MeanColourEmbedder.ID) && status.indexed() == originals.size()
                        && !status.reindexing();
            }, "the plugged-in embedder re-indexes every image");
            assertEquals(3, bob.images().similarityStatus().dimension());
            List<SimilarImage> hits = bob.images().similarTo(originals.get(0).id(), 10, List.of());
            assertEquals(originals.size() - 1, hits.size(), "searches use the new vectors only");
        } finally {
            registration.unregister();
        }
        await(() -> bob.images().similarityStatus().embedder().equals(builtIn)
                && bob.images().similarityStatus().indexed() == originals.size(), "back to the built-in embedder");
        assertNotEquals(MeanColourEmbedder.ID, bob.images().similarityStatus().embedder());

        // the built-in descriptor is a fallback (negative ranking): it keeps the vectors of the embedder that left, so
        // one coming back (a model reloaded, a plugin updated) searches at once and embeds none of the images again
        MeanColourEmbedder back = new MeanColourEmbedder();
        registration = FrameworkUtil.getBundle(getClass()).getBundleContext().registerService(Embedder.class, back,
                properties);
        try {
            await(() -> {
                SimilarityService.Status status = bob.images().similarityStatus();
                return status.embedder().equals(MeanColourEmbedder.ID) && status.indexed() == originals.size();
            }, "the embedder back with its kept vectors");
            assertEquals(0, back.embedded.get(), "no image embedded again");
            assertEquals(originals.size() - 1, bob.images().similarTo(originals.get(0).id(), 10, List.of()).size());
        } finally {
            registration.unregister();
        }
        await(() -> {
            SimilarityService.Status status = bob.images().similarityStatus();
            return status.embedder().equals(builtIn) && status.indexed() == originals.size() && !status.reindexing();
        }, "back to the built-in embedder again");
    }

    /** A plugin's embedder as simple as can be: the mean colour, normalised. */
    private static final class MeanColourEmbedder implements Embedder {
        static final String ID = "test:mean-colour";
        final AtomicInteger embedded = new AtomicInteger();

        @Override
        public String id() {
            return ID;
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public List<Embedding> embed(List<BufferedImage> images) {
            List<Embedding> result = new ArrayList<>();
            embedded.addAndGet(images.size());
            for (BufferedImage image : images) {
                double r = 0, g = 0, b = 0;
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        int rgb = image.getRGB(x, y);
                        r += (rgb >> 16) & 0xFF;
                        g += (rgb >> 8) & 0xFF;
                        b += rgb & 0xFF;
                    }
                }
                double norm = Math.max(1e-9, Math.sqrt(r * r + g * g + b * b));
                result.add(new Embedding(new float[] {(float) (r / norm), (float) (g / norm), (float) (b / norm)},
                        List.of()));
            }
            return result;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(WAIT, what, condition);
    }

    private static byte[] scaledJpeg(byte[] image, int width, float quality) throws Exception {
        BufferedImage source = ImageIO.read(new ByteArrayInputStream(image));
        int height = Math.max(1, source.getHeight() * width / source.getWidth());
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(scaled, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
