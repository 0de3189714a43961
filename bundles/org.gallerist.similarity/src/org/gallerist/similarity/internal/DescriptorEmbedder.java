package org.gallerist.similarity.internal;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.gallerist.spi.similarity.Embedder;
import org.gallerist.spi.similarity.Embedding;
import org.osgi.service.component.annotations.Component;

/**
 * The built-in embedder that needs no model: a hand-made descriptor of colour layout, edge layout and greyscale
 * composition, so that similar-image search works on a fresh install. It finds copies of an image (resized,
 * re-encoded, mildly cropped or recoloured) well, and says little about what an image shows: a model-based embedder
 * ranks above it.
 */
@Component(service = Embedder.class, property = "service.ranking:Integer=-100")
public class DescriptorEmbedder implements Embedder {

    static final String ID = "descriptor:v1";

    private static final int WORKING_SIZE = 64;

    /*
     * Each part has unit norm, so they count equally in the cosine. Tried on the shared photos and derived copies:
     * more weight on composition separates the two near-identical motorcycle views better but tolerates crops worse,
     * and the reverse for colour; a finer composition grid (32) gained nothing. Changing any of this changes ID.
     */
    private final ColourLayout colour = new ColourLayout(2);
    private final EdgeLayout edges = new EdgeLayout(4, 8);
    private final LuminanceLayout composition = new LuminanceLayout(16);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int dimension() {
        return colour.dimension() + edges.dimension() + composition.dimension();
    }

    @Override
    public List<Embedding> embed(List<BufferedImage> images) {
        List<Embedding> embeddings = new ArrayList<>(images.size());
        for (BufferedImage image : images) {
            embeddings.add(new Embedding(describe(image), List.of()));
        }
        return embeddings;
    }

    float[] describe(BufferedImage image) {
        WorkingImage working = WorkingImage.of(image, WORKING_SIZE);
        float[] luminance = working.luminance();
        float[] vector = new float[dimension()];
        int offset = 0;
        colour.describe(working, vector, offset);
        offset += colour.dimension();
        edges.describe(luminance, WORKING_SIZE, vector, offset);
        offset += edges.dimension();
        composition.describe(luminance, WORKING_SIZE, vector, offset);
        Vectors.normalise(vector, 0, vector.length);
        return vector;
    }
}
