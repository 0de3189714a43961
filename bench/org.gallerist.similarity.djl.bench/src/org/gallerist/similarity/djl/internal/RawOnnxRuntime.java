package org.gallerist.similarity.djl.internal;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** The reference: the same model and preprocessing, ONNX Runtime's own Java API, no DJL, no batching thread. */
final class RawOnnxRuntime implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String input;
    private final int size;

    RawOnnxRuntime(Path model, int size) throws OrtException {
        this.session = environment.createSession(model.toString(), new OrtSession.SessionOptions());
        this.input = session.getInputNames().iterator().next();
        this.size = size;
    }

    List<float[]> embed(List<BufferedImage> images, String output) throws OrtException {
        int perImage = 3 * size * size;
        float[] batch = new float[perImage * images.size()];
        for (int i = 0; i < images.size(); i++) {
            Preprocessing.CAFFE_BGR_MEAN.fill(images.get(i), size, batch, i * perImage);
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(batch),
                new long[] { images.size(), 3, size, size });
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            FloatBuffer features = ((OnnxTensor) result.get(output).orElseThrow()).getFloatBuffer();
            int dimension = features.remaining() / images.size();
            List<float[]> vectors = new ArrayList<>(images.size());
            for (int i = 0; i < images.size(); i++) {
                float[] vector = new float[dimension];
                features.get(vector);
                OnnxEmbedder.normalise(vector);
                vectors.add(vector);
            }
            return vectors;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
