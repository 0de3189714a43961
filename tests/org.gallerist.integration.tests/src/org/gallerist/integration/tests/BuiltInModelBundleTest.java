package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gallerist.spi.similarity.EmbeddingModel;
import org.gallerist.tests.harness.SharedModel;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The model bundle the server ships: the published file, its licences, and a copy on disk that stays intact. */
class BuiltInModelBundleTest {

    private static final String BUNDLE = "org.gallerist.similarity.model.squeezenet";
    private static final String MODEL = "squeezenet1.1-embed-fp32.onnx";

    @Test
    void theBundledModelIsTheFilePublishedBesideTheSharedModels() throws Exception {
        Path readme = Path.of(System.getProperty("gallerist.shared", "../shared"), "models", "README.md");
        SharedModel.required(readme, "the shared models' README");
        Matcher row = Pattern.compile("`" + Pattern.quote(MODEL) + "`.*\\|\\s*([0-9a-f]{64})\\s*\\|")
                .matcher(Files.readString(readme));
        assertTrue(row.find(), "the README lists the model's sha256");
        URL entry = bundle().getEntry("model/" + MODEL);
        assertNotNull(entry, "the bundle holds the model");
        try (InputStream in = entry.openStream()) {
            assertEquals(row.group(1), sha256(in.readAllBytes()));
        }
        for (String file : List.of("model/imagenet_labels.txt", "model/PROVENANCE.md", "about.html",
                "licences/LICENSE-SqueezeNet-BSD-2-Clause.txt", "licences/LICENSE-ONNX-model-zoo-Apache-2.0.txt",
                "licences/LICENSE-Windows-Machine-Learning-MIT.txt")) {
            assertNotNull(bundle().getEntry(file), file);
        }
    }

    @Test
    void aDamagedCopyOnDiskIsReplacedFromTheBundle() throws Exception {
        EmbeddingModel model = TestServer.service(EmbeddingModel.class);
        Path file = model.file();
        String intact = sha256(Files.readAllBytes(file));
        Files.write(file, new byte[] { 1, 2, 3 });
        Path again = model.file();
        assertEquals(file, again);
        assertEquals(intact, sha256(Files.readAllBytes(again)), "copied out again");
        assertNotEquals(0, model.labels().orElseThrow().toFile().length());
        assertEquals(224, model.inputSize());
    }

    private static Bundle bundle() {
        for (Bundle bundle : FrameworkUtil.getBundle(BuiltInModelBundleTest.class).getBundleContext().getBundles()) {
            if (BUNDLE.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(BUNDLE + " is not installed");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
