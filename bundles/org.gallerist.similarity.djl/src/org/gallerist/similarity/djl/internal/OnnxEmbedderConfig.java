package org.gallerist.similarity.djl.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * An image model run by ONNX Runtime: the built-in one (the highest-ranked {@code EmbeddingModel} service, which brings
 * its own input settings) unless {@link #modelFile()} names another; the other defaults are what SqueezeNet 1.1 needs.
 */
@ObjectClassDefinition(id = OnnxEmbedderConfig.PID, name = "Gallerist ONNX embedder",
        description = "A CNN in an ONNX file that turns images into vectors for similar-image search.")
public @interface OnnxEmbedderConfig {

    String PID = "org.gallerist.similarity.onnx";

    @AttributeDefinition(description = "Run an image model at all. Off: the built-in descriptor serves.")
    boolean modelEnabled() default true;

    @AttributeDefinition(description = "An .onnx file to run instead of the built-in model. Empty: the built-in model.")
    String modelFile() default "";

    @AttributeDefinition(description = "The output holding the embedding, e.g. a global average pool.")
    String outputName() default "features";

    @AttributeDefinition(description = "Width and height of the square model input, in pixels.")
    int inputSize() default 224;

    @AttributeDefinition(description = "How pixels become the model's input.", options = {
            @Option(value = "caffe-bgr-mean", label = "BGR, 0-255 minus the mean (104, 117, 123)"),
            @Option(value = "imagenet-rgb-meanstd", label = "RGB, 0-1, ImageNet mean and standard deviation") })
    String preprocessing() default "caffe-bgr-mean";

    @AttributeDefinition(description = "Class labels, one 'index,label[, synonym...]' per line. Empty: no suggested tags.")
    String labelFile() default "";

    @AttributeDefinition(description = "The output holding class probabilities (softmax), read when labels are given.")
    String probabilitiesOutput() default "probs";

    @AttributeDefinition(description = "A label becomes a suggested tag from this probability on (0-1).")
    double suggestionThreshold() default 0.2;

    @AttributeDefinition(description = "At most this many waiting images go to the model in one run.")
    int batchSize() default 16;
}
