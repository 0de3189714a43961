package org.gallerist.examples.embedder.internal;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gallerist.spi.similarity.Embedder;
import org.gallerist.spi.similarity.Embedding;
import org.osgi.service.component.annotations.Component;

/**
 * An embedder contributed by a plugin: the image's difference hash (dHash) next to its colour layout.
 * <p>
 * The dHash compares each cell of a 9 × 8 brightness grid with its right-hand neighbour: 64 signs that survive
 * resizing, re-encoding and brightness or colour shifts. As ±1/8 components, the cosine of two hashes is
 * {@code 1 − 2 × hammingDistance / 64}. The 4 × 4 colour grid, taken relative to the image's mean colour, separates
 * images that share a structure but not their colours. Each part has unit length and half the weight.
 * <p>
 * Ranked 50: above the server's built-in descriptor (−100), below a CNN model's embedder, which understands far more
 * of what an image shows. Dropping this bundle into a server without a model makes it the active embedder.
 */
@Component(service = Embedder.class, property = "service.ranking:Integer=50")
public class DifferenceHashEmbedder implements Embedder {

    /** Changing the algorithm means changing the id: stored vectors are compared only with ones of the same id. */
    static final String ID = "example:dhash-colour-grid:v1";

    private static final int HASH_COLUMNS = 9;
    private static final int HASH_ROWS = 8;
    private static final int HASH_BITS = (HASH_COLUMNS - 1) * HASH_ROWS;
    private static final int COLOUR_CELLS = 4;
    private static final int COLOUR_VALUES = COLOUR_CELLS * COLOUR_CELLS * 3;
    private static final float HALF_WEIGHT = (float) Math.sqrt(0.5);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int dimension() {
        return HASH_BITS + COLOUR_VALUES;
    }

    /** Stateless, so safe from any number of threads. */
    @Override
    public List<Embedding> embed(List<BufferedImage> images) {
        List<Embedding> embeddings = new ArrayList<>(images.size());
        for (BufferedImage image : images) {
            embeddings.add(new Embedding(vectorOf(image), List.of()));
        }
        return embeddings;
    }

    float[] vectorOf(BufferedImage image) {
        float[] vector = new float[dimension()];
        differenceHash(CellGrid.of(image, HASH_COLUMNS, HASH_ROWS), vector);
        boolean coloured = colourLayout(CellGrid.of(image, COLOUR_CELLS, COLOUR_CELLS), vector, HASH_BITS);
        // A flat grey image has no colour part; its hash part alone then carries the whole (unit) length.
        float hashWeight = coloured ? HALF_WEIGHT : 1;
        for (int i = 0; i < HASH_BITS; i++) {
            vector[i] *= hashWeight;
        }
        return vector;
    }

    private static void differenceHash(CellGrid grid, float[] vector) {
        float bit = (float) (1 / Math.sqrt(HASH_BITS));
        int i = 0;
        for (int row = 0; row < HASH_ROWS; row++) {
            for (int column = 0; column + 1 < HASH_COLUMNS; column++) {
                vector[i++] = grid.brightness(column + 1, row) > grid.brightness(column, row) ? bit : -bit;
            }
        }
    }

    /** @return whether the image has any colour variation (if not, the part stays zeros) */
    private static boolean colourLayout(CellGrid grid, float[] vector, int offset) {
        float[] mean = new float[3];
        for (int row = 0; row < COLOUR_CELLS; row++) {
            for (int column = 0; column < COLOUR_CELLS; column++) {
                mean[0] += grid.red(column, row) / (COLOUR_CELLS * COLOUR_CELLS);
                mean[1] += grid.green(column, row) / (COLOUR_CELLS * COLOUR_CELLS);
                mean[2] += grid.blue(column, row) / (COLOUR_CELLS * COLOUR_CELLS);
            }
        }
        int i = offset;
        for (int row = 0; row < COLOUR_CELLS; row++) {
            for (int column = 0; column < COLOUR_CELLS; column++) {
                vector[i++] = grid.red(column, row) - mean[0];
                vector[i++] = grid.green(column, row) - mean[1];
                vector[i++] = grid.blue(column, row) - mean[2];
            }
        }
        double sumOfSquares = 0;
        for (int j = offset; j < offset + COLOUR_VALUES; j++) {
            sumOfSquares += (double) vector[j] * vector[j];
        }
        if (sumOfSquares < 1e-12) {
            Arrays.fill(vector, offset, offset + COLOUR_VALUES, 0);
            return false;
        }
        float scale = (float) (HALF_WEIGHT / Math.sqrt(sumOfSquares));
        for (int j = offset; j < offset + COLOUR_VALUES; j++) {
            vector[j] *= scale;
        }
        return true;
    }
}
