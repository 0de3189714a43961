package org.gallerist.spi.similarity;

import java.util.List;

/**
 * @param vector L2-normalised, {@link Embedder#dimension()} long
 * @param labels what the model thinks the image shows, best first; empty for embedders without labels
 */
public record Embedding(float[] vector, List<Label> labels) {
    public Embedding {
        labels = List.copyOf(labels);
    }

    /** A model label and its probability (0–1). */
    public record Label(String name, double probability) {
    }
}
