package org.gallerist.similarity.djl.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.gallerist.spi.similarity.EmbeddingModel;

/** {@link OnnxEmbedderConfig}, checked. */
record OnnxSettings(Path modelFile, String outputName, int inputSize, Preprocessing preprocessing,
        Optional<Path> labelFile, String probabilitiesOutput, double suggestionThreshold, int batchSize,
        String description, String credits) {

    OnnxSettings {
        if (inputSize < 16 || inputSize > 4096) {
            throw new IllegalArgumentException("inputSize must be between 16 and 4096, not " + inputSize + ".");
        }
        if (batchSize < 1 || batchSize > 256) {
            throw new IllegalArgumentException("batchSize must be between 1 and 256, not " + batchSize + ".");
        }
        if (suggestionThreshold < 0 || suggestionThreshold > 1) {
            throw new IllegalArgumentException("suggestionThreshold must be between 0 and 1.");
        }
    }

    /** Whether the configuration names a model file, which then wins over any built-in model. */
    static boolean namesAFile(OnnxEmbedderConfig config) {
        return config.modelFile() != null && !config.modelFile().isBlank();
    }

    /** The configured model file with the configured input settings. */
    static OnnxSettings of(OnnxEmbedderConfig config) {
        String labels = config.labelFile() == null ? "" : config.labelFile().strip();
        Path file = Path.of(config.modelFile().strip()).toAbsolutePath();
        return new OnnxSettings(file, config.outputName().strip(), config.inputSize(),
                Preprocessing.of(config.preprocessing().strip()),
                labels.isEmpty() ? Optional.empty() : Optional.of(Path.of(labels).toAbsolutePath()),
                config.probabilitiesOutput().strip(), config.suggestionThreshold(), config.batchSize(),
                "ONNX model " + file.getFileName(), "");
    }

    /**
     * A model bundle's model with its own input settings; the threshold and batch size stay the operator's. Copies
     * the model out of its bundle if need be, so it is called on the loading thread.
     */
    static OnnxSettings of(EmbeddingModel model, OnnxEmbedderConfig config) throws IOException {
        return new OnnxSettings(model.file(), model.featuresOutput(), model.inputSize(),
                Preprocessing.of(model.preprocessing()), model.labels(), model.probabilitiesOutput(),
                config.suggestionThreshold(), config.batchSize(), model.name(), model.credits());
    }
}
