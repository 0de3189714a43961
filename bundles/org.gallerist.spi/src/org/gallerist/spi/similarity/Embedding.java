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

    /**
     * A model label and its probability (0–1).
     *
     * @param name     the label's first name, as a tag would be written ({@code tabby})
     * @param synonyms every name of the label as the model's label file has it, first name first ({@code tabby,
     *                 tabby cat}); what text search matches
     */
    public record Label(String name, List<String> synonyms, double probability) {
        public Label {
            synonyms = List.copyOf(synonyms);
        }

        /** A label without synonyms. */
        public Label(String name, double probability) {
            this(name, List.of(name), probability);
        }

        /** The label as people read it: its names joined by commas. */
        public String text() {
            return String.join(", ", synonyms);
        }
    }
}
