package org.gallerist.similarity.model.squeezenet.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.gallerist.spi.similarity.EmbeddingModel;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * SqueezeNet 1.1 trained on ImageNet, with the outputs added that similarity search needs: the server's default image
 * model. Its files stay inside the bundle until the embedder first asks for them (see {@code model/PROVENANCE.md}).
 */
@Component(service = EmbeddingModel.class, property = "service.ranking:Integer=0")
public class SqueezeNetModel implements EmbeddingModel {

    static final String MODEL_ENTRY = "model/squeezenet1.1-embed-fp32.onnx";
    static final String LABELS_ENTRY = "model/imagenet_labels.txt";
    /** The digest of the file this bundle is built with, as published beside the model. */
    static final String MODEL_SHA256 = "293c68c3d255d3ce314b806826818449a1282bd2ae8ac179ff2588e97e4a4424";
    static final String CREDITS = "SqueezeNet 1.1 by DeepScale (weights BSD-2-Clause), exported to ONNX by the"
            + " ONNX model zoo (Apache-2.0), as published with its ImageNet labels in Microsoft's"
            + " Windows-Machine-Learning repository (MIT)";

    private final BundledFiles files;

    @Activate
    public SqueezeNetModel(BundleContext context) {
        this.files = new BundledFiles(context);
    }

    @Override
    public String format() {
        return "onnx";
    }

    @Override
    public String name() {
        return "SqueezeNet 1.1 (ImageNet), built in";
    }

    @Override
    public String credits() {
        return CREDITS;
    }

    @Override
    public Path file() throws IOException {
        return files.file(MODEL_ENTRY, MODEL_SHA256);
    }

    @Override
    public Optional<Path> labels() throws IOException {
        return Optional.of(files.file(LABELS_ENTRY, null));
    }

    @Override
    public String preprocessing() {
        return "caffe-bgr-mean";
    }

    @Override
    public int inputSize() {
        return 224;
    }

    @Override
    public String featuresOutput() {
        return "features";
    }

    @Override
    public String probabilitiesOutput() {
        return "probs";
    }
}
