package org.gallerist.tests.harness;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The image model the tests use (the built-in one, from its bundle's folder) and the photos, from the {@code shared}
 * folder beside the project (photos are never committed). Where they are absent (a user's own clone without the
 * shared folder) a test that needs them is skipped and says why; with {@code -Dgallerist.requireModel=true} (CI, where
 * they are present) it fails instead.
 */
public final class SharedModel {

    public static final String MODEL_PROPERTY = "gallerist.model";
    public static final String REQUIRE_PROPERTY = "gallerist.requireModel";

    private SharedModel() {
    }

    /** The ONNX model ({@code -Dgallerist.model}, set by the build to the built-in model's file). */
    public static Path model() {
        return required(modelPath(), "the image model");
    }

    /**
     * Whether the model and photos are there, without skipping: for a {@code @BeforeAll}, whose assumptions would make
     * the class's tests vanish from the report instead of showing as skipped (check {@link #model()} per test).
     */
    public static boolean present() {
        return Files.exists(modelPath()) && Files.exists(shared().resolve("photos"));
    }

    private static Path modelPath() {
        String configured = System.getProperty(MODEL_PROPERTY, "");
        return configured.isBlank() ? shared().resolve("models").resolve("squeezenet1.1-embed-fp32.onnx")
                : Path.of(configured);
    }

    /** The ImageNet labels beside the model. */
    public static Path labels() {
        return required(model().resolveSibling("imagenet_labels.txt"), "the model's labels");
    }

    /** One of the shared photos, e.g. {@code coffee.png}. */
    public static Path photo(String name) {
        return required(shared().resolve("photos").resolve(name), "the shared photo " + name);
    }

    /** The shared photos folder. */
    public static Path photos() {
        return required(shared().resolve("photos"), "the shared photos");
    }

    private static Path shared() {
        return Path.of(System.getProperty("gallerist.shared", "../shared"));
    }

    /** The file, or a skip (a failure where the shared folder is required) naming what is missing. */
    public static Path required(Path file, String what) {
        boolean present = Files.exists(file);
        if (!present && Boolean.getBoolean(REQUIRE_PROPERTY)) {
            fail(REQUIRE_PROPERTY + " is set but " + what + " is missing: " + file.toAbsolutePath());
        }
        assumeTrue(present, () -> "skipped: " + what + " is not at " + file.toAbsolutePath()
                + " (set -D" + MODEL_PROPERTY + " or put the shared folder beside the project)");
        return file;
    }
}
