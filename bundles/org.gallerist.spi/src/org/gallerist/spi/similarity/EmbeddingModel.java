package org.gallerist.spi.similarity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whiteboard service: an image model that an embedder bundle knows how to run, offered by a model bundle (the server
 * ships SqueezeNet 1.1 this way). The ONNX embedder runs the one with the highest {@code service.ranking} unless the
 * operator configured a model file of their own.
 */
public interface EmbeddingModel {

    /** The file format the model is in, e.g. {@code onnx}. */
    String format();

    /** What people call it, e.g. {@code SqueezeNet 1.1 (ImageNet)}. */
    String name();

    /** Where the model comes from and under which licences, for About boxes and {@code server info}. */
    String credits();

    /**
     * The model on local disk; a bundle that keeps it inside its jar copies it out on the first call, which may take
     * a moment, so call this off the start-up path.
     *
     * @throws IOException when the file cannot be provided or is not the one the bundle was built with
     */
    Path file() throws IOException;

    /** Class labels, one {@code index,label[, synonym...]} line each, on local disk; empty when the model has none. */
    Optional<Path> labels() throws IOException;

    /** How pixels become the model's input, as the embedder names it, e.g. {@code caffe-bgr-mean}. */
    String preprocessing();

    /** Width and height of the square input, in pixels. */
    int inputSize();

    /** The output whose values, L2-normalised, are the embedding. */
    String featuresOutput();

    /** The output holding class probabilities, read with {@link #labels()}. */
    String probabilitiesOutput();
}
