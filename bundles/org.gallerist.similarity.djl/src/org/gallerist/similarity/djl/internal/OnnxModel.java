package org.gallerist.similarity.djl.internal;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * An ONNX file loaded by DJL's ONNX Runtime engine, run on planar float input. Not thread-safe: one thread at a time
 * (the embedder's batcher holds a lock around each batch) calls {@link #run}.
 */
final class OnnxModel implements AutoCloseable {

    static final String ENGINE = "OnnxRuntime";

    private final Model model;
    private final int inputSize;

    private OnnxModel(Model model, int inputSize) {
        this.model = model;
        this.inputSize = inputSize;
    }

    static OnnxModel load(Path file, int inputSize) throws ModelLoadException {
        String name = file.getFileName().toString().replaceFirst("\\.onnx$", "");
        try {
            return DjlEnvironment.call(() -> {
                // Naming the device keeps DJL from probing for CUDA, which ONNX Runtime's CPU build logs as a warning.
                Model model = Model.newInstance(name, Device.cpu(), ENGINE);
                try {
                    model.load(file, name, Map.of());
                    return new OnnxModel(model, inputSize);
                } catch (Exception | Error e) {
                    model.close();
                    throw e;
                }
            });
        } catch (Exception | LinkageError e) {
            throw ModelLoadException.because("Cannot load the ONNX model " + file, e);
        }
    }

    /**
     * Runs {@code count} images (each 3 x inputSize x inputSize floats, one after the other in {@code input}).
     *
     * @return each output by name, flattened; all the model's outputs, since ONNX Runtime computes them anyway
     */
    Map<String, float[]> run(float[] input, int count) throws Exception {
        return DjlEnvironment.call(() -> {
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDArray array = batch.create(FloatBuffer.wrap(input), new Shape(count, 3, inputSize, inputSize));
                NDList outputs = model.getBlock().forward(new ParameterStore(batch, false), new NDList(array), false);
                Map<String, float[]> byName = new HashMap<>();
                for (NDArray output : outputs) {
                    byName.put(output.getName(), output.toFloatArray());
                }
                return byName;
            }
        });
    }

    /** The names of the model's outputs, found by running one blank image. */
    List<String> outputNames() throws Exception {
        return new ArrayList<>(run(new float[3 * inputSize * inputSize], 1).keySet());
    }

    int inputSize() {
        return inputSize;
    }

    @Override
    public void close() {
        try {
            DjlEnvironment.call(() -> {
                model.close();
                return null;
            });
        } catch (Exception e) {
            // closing releases native memory only; nothing is left to do when it fails
        }
    }
}
