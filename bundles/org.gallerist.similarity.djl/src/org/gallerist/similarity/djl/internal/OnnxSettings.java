package org.gallerist.similarity.djl.internal;

import java.nio.file.Path;
import java.util.Optional;

/** {@link OnnxEmbedderConfig}, checked. */
record OnnxSettings(Path modelFile, String outputName, int inputSize, Preprocessing preprocessing,
        Optional<Path> labelFile, String probabilitiesOutput, double suggestionThreshold, int batchSize) {

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

    /** Empty when no model file is configured. */
    static Optional<OnnxSettings> of(OnnxEmbedderConfig config) {
        if (config.modelFile() == null || config.modelFile().isBlank()) {
            return Optional.empty();
        }
        String labels = config.labelFile() == null ? "" : config.labelFile().strip();
        return Optional.of(new OnnxSettings(Path.of(config.modelFile().strip()).toAbsolutePath(),
                config.outputName().strip(), config.inputSize(), Preprocessing.of(config.preprocessing().strip()),
                labels.isEmpty() ? Optional.empty() : Optional.of(Path.of(labels).toAbsolutePath()),
                config.probabilitiesOutput().strip(), config.suggestionThreshold(), config.batchSize()));
    }
}
