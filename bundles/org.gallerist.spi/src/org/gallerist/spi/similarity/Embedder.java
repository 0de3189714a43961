package org.gallerist.spi.similarity;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Whiteboard service: turns images into vectors whose cosine similarity says how alike the images look. The server
 * uses the registered embedder with the highest {@code service.ranking}; a plugin bundle adds one by registering it.
 * Implementations are thread-safe and may batch concurrent calls.
 */
public interface Embedder {

    /**
     * Names the embedder and its model, e.g. {@code onnx:squeezenet1.1-embed-fp32@293c68c3}. Vectors are only ever
     * compared with vectors of the same id; a changed id means every stored vector is recomputed.
     */
    String id();

    /** What people call the embedder or its model, e.g. {@code SqueezeNet 1.1 (ImageNet)}. */
    default String description() {
        return id();
    }

    /** Where its model comes from and under which licences; empty when there is nothing to credit. */
    default String credits() {
        return "";
    }

    /** The length of every vector this embedder returns. */
    int dimension();

    /**
     * One embedding per image, in order. Images may have any size and type; the embedder does its own resizing.
     *
     * @throws org.gallerist.api.GalleristException {@code unavailable} when the embedder cannot run
     */
    List<Embedding> embed(List<BufferedImage> images);
}
