package org.gallerist.similarity.djl.internal;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.spi.similarity.Embedder;
import org.gallerist.spi.similarity.Embedding;

/**
 * A CNN's pooled features as the embedding, and its most probable classes as labels. Callers' threads preprocess
 * their images, then take turns running the model on whatever is waiting, so concurrent calls share batches.
 */
final class OnnxEmbedder implements Embedder, AutoCloseable {

    /** At most this many labels per image, best first. */
    static final int MAX_LABELS = 5;

    private final String id;
    private final OnnxModel model;
    private final OnnxSettings settings;
    private final ModelLabels labels;
    private final int dimension;
    private final MicroBatcher<float[], Embedding> batcher;

    /**
     * @param labels null when the model's labels are not used
     */
    OnnxEmbedder(String id, OnnxModel model, OnnxSettings settings, ModelLabels labels, int dimension) {
        this.id = id;
        this.model = model;
        this.settings = settings;
        this.labels = labels;
        this.dimension = dimension;
        this.batcher = new MicroBatcher<>(settings.batchSize(), this::runBatch);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return settings.description();
    }

    @Override
    public String credits() {
        return settings.credits();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<Embedding> embed(List<BufferedImage> images) {
        int size = settings.inputSize();
        List<float[]> inputs = new ArrayList<>(images.size());
        for (BufferedImage image : images) {
            float[] input = new float[3 * size * size];
            settings.preprocessing().fill(image, size, input, 0);
            inputs.add(input);
        }
        try {
            return batcher.process(inputs);
        } catch (RuntimeException e) {
            throw new GalleristException(ErrorCode.UNAVAILABLE, "The image model " + id + " failed: " + e.getMessage(),
                    e);
        }
    }

    private List<Embedding> runBatch(List<float[]> inputs) throws Exception {
        int perImage = inputs.get(0).length;
        float[] batch = new float[perImage * inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            System.arraycopy(inputs.get(i), 0, batch, i * perImage, perImage);
        }
        Map<String, float[]> outputs = model.run(batch, inputs.size());
        float[] features = outputs.get(settings.outputName());
        float[] probabilities = labels == null ? null : outputs.get(settings.probabilitiesOutput());
        List<Embedding> embeddings = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            float[] vector = new float[dimension];
            System.arraycopy(features, i * dimension, vector, 0, dimension);
            normalise(vector);
            embeddings.add(new Embedding(vector, probabilities == null ? List.of()
                    : labelsOf(probabilities, i, probabilities.length / inputs.size())));
        }
        return embeddings;
    }

    private List<Embedding.Label> labelsOf(float[] probabilities, int image, int classes) {
        List<Embedding.Label> found = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            float p = probabilities[image * classes + c];
            String tag = labels.tag(c);
            if (p >= settings.suggestionThreshold() && !tag.isEmpty()) {
                found.add(new Embedding.Label(tag, labels.names(c), p));
            }
        }
        found.sort(Comparator.comparingDouble(Embedding.Label::probability).reversed());
        return found.size() > MAX_LABELS ? found.subList(0, MAX_LABELS) : found;
    }

    static void normalise(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        if (sum > 0) {
            float inverse = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= inverse;
            }
        }
    }

    @Override
    public void close() {
        batcher.close();
        model.close();
    }

    @Override
    public String toString() {
        return id;
    }
}
