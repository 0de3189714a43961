package org.gallerist.similarity.djl.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks the configured files, loads the model and finds out what it puts out. */
final class OnnxEmbedderLoader {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxEmbedderLoader.class);

    private OnnxEmbedderLoader() {
    }

    static OnnxEmbedder load(OnnxSettings settings) throws ModelLoadException {
        Path file = settings.modelFile();
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("The model file " + file + " does not exist.");
        }
        String id = id(file);
        DjlEnvironment.forbidNetwork();
        OnnxModel model = OnnxModel.load(file, settings.inputSize());
        try {
            Map<String, float[]> sample = model.run(new float[3 * settings.inputSize() * settings.inputSize()], 1);
            float[] features = sample.get(settings.outputName());
            if (features == null) {
                throw new ModelLoadException("The model " + file + " has no output '" + settings.outputName()
                        + "'; its outputs are " + List.copyOf(sample.keySet()) + ".");
            }
            ModelLabels labels = labels(settings, sample.keySet().contains(settings.probabilitiesOutput()));
            return new OnnxEmbedder(id, model, settings, labels, features.length);
        } catch (ModelLoadException e) {
            model.close();
            throw e;
        } catch (Exception | LinkageError e) {
            model.close();
            throw ModelLoadException.because("The ONNX model " + file + " does not run on a "
                    + settings.inputSize() + " px image", e);
        }
    }

    /** {@code onnx:<file base name>@<first 8 hex digits of the file's SHA-256>}: another file is another model. */
    static String id(Path file) throws ModelLoadException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                sha256.update(buffer, 0, n);
            }
            String name = file.getFileName().toString().replaceFirst("\\.onnx$", "");
            return "onnx:" + name + "@" + HexFormat.of().formatHex(sha256.digest()).substring(0, 8);
        } catch (IOException e) {
            throw ModelLoadException.because("Cannot read the model file " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Labels are a nicety: without them, or without the model's probabilities, the embedder still serves. */
    private static ModelLabels labels(OnnxSettings settings, boolean hasProbabilities) {
        if (settings.labelFile().isEmpty()) {
            return null;
        }
        Path file = settings.labelFile().get();
        if (!hasProbabilities) {
            LOG.warn("The model has no output '{}'; {} is not used and uploads get no suggested tags.",
                    settings.probabilitiesOutput(), file);
            return null;
        }
        try {
            return ModelLabels.read(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The label file {} cannot be read ({}); uploads get no suggested tags.", file, e.toString());
            return null;
        }
    }
}
