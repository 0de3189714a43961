package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.server.internal.ConsoleCommands;
import org.gallerist.tests.harness.Await;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The example plugin ({@code examples/org.gallerist.examples.embedder}), built by the reactor but absent from this
 * test's runtime, is dropped into a running server's plugin folder as a third party would: its embedder takes over,
 * every image is re-indexed with it, searches answer with it; removing the jar brings the built-in embedder back.
 */
class ExamplePluginTest {

    /** Set by this module's pom to the jar the reactor built before the tests. */
    private static final String JAR_PROPERTY = "gallerist.examples.embedder.jar";
    private static final String BUNDLE = "org.gallerist.examples.embedder";
    private static final String EMBEDDER = "example:dhash-colour-grid:v1";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int IMAGES = 5;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("pluginPollMillis", 200)
            .with("modelEnabled", false); // the example embedder ranks above the descriptor, below the model

    private final BundleContext context = FrameworkUtil.getBundle(ExamplePluginTest.class).getBundleContext();

    @Test
    void droppedInEmbedderTakesOverReindexesAndAnswersUntilRemoved() throws Exception {
        Path jar = exampleJar();
        assertTrue(find().isEmpty(), "the example must not be part of the test runtime, or nothing is shown");
        server.afterStop(() -> find().ifPresent(ExamplePluginTest::uninstall)); // the framework outlives the server
        server.signUp("alice");
        GalleristSession bob = server.signedUp("bob");
        List<Image> originals = new ArrayList<>();
        for (int seed = 1; seed <= IMAGES; seed++) {
            originals.add(bob.images().add(new NewImage("Picture " + seed, "", List.of("test"), BigDecimal.ONE,
                    1, Visibility.PUBLIC), TestImages.jpeg(seed, 480, 360)));
        }
        byte[] smallCopyOfThird = scaledJpeg(TestImages.jpeg(3, 480, 360), 120);
        long third = originals.get(2).id();

        awaitIndexed(bob, status -> !status.embedder().equals(EMBEDDER), "the built-in embedder indexes all");
        String builtIn = bob.images().similarityStatus().embedder();
        double builtInScore = bestHit(bob, smallCopyOfThird, third).score();

        Path dropped = server.dataDir().resolve("plugins").resolve("example-embedder.jar");
        Files.copy(jar, server.folder().resolve("example-embedder.jar"));
        Files.move(server.folder().resolve("example-embedder.jar"), dropped, StandardCopyOption.ATOMIC_MOVE);
        awaitIndexed(bob, status -> status.embedder().equals(EMBEDDER) && status.dimension() == 112,
                "server info reports the plugin's embedder with every image re-indexed");
        String stats = TestServer.service(ConsoleCommands.class).stats();
        assertTrue(stats.contains("similarity: " + EMBEDDER + ", " + IMAGES + " of " + IMAGES
                + " images indexed") && !stats.contains("re-indexing"), stats);
        bestHit(bob, smallCopyOfThird, third);

        Files.delete(dropped);
        await(() -> find().isEmpty(), "removing the jar uninstalls the plugin");
        awaitIndexed(bob, status -> status.embedder().equals(builtIn),
                "the built-in embedder takes over again and re-indexes every image");
        assertEquals(builtInScore, bestHit(bob, smallCopyOfThird, third).score(), 1e-6);
    }

    private static Path exampleJar() {
        String location = System.getProperty(JAR_PROPERTY);
        assertTrue(location != null && Files.isRegularFile(Path.of(location)), "No example plugin jar at " + location
                + " (" + JAR_PROPERTY + "): the reactor builds examples/ before tests/; build it first when running"
                + " this module alone");
        return Path.of(location);
    }

    /** The small copy finds its original first, whichever embedder is active. */
    private static SimilarImage bestHit(GalleristSession session, byte[] query, long expected) {
        List<SimilarImage> hits = session.images().similar(query, 3, List.of());
        assertEquals(expected, hits.get(0).image().id(), hits.toString());
        assertTrue(hits.get(0).score() > hits.get(1).score(), hits.toString());
        return hits.get(0);
    }

    private static void awaitIndexed(GalleristSession session, Predicate<SimilarityService.Status> embedder,
            String what) throws InterruptedException {
        await(() -> {
            SimilarityService.Status status = session.images().similarityStatus();
            return embedder.test(status) && status.indexed() == IMAGES && status.images() == IMAGES
                    && !status.reindexing();
        }, what);
        assertFalse(session.images().similarityStatus().reindexing());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(WAIT, what, condition);
    }

    private Optional<Bundle> find() {
        return Arrays.stream(context.getBundles()).filter(b -> BUNDLE.equals(b.getSymbolicName())).findFirst();
    }

    private static void uninstall(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (Exception e) {
            // already gone
        }
    }

    private static byte[] scaledJpeg(byte[] image, int width) throws Exception {
        BufferedImage source = ImageIO.read(new ByteArrayInputStream(image));
        int height = source.getHeight() * width / source.getWidth();
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(scaled, "jpg", out);
        return out.toByteArray();
    }
}
