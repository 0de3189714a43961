package org.gallerist.spi.similarity;

import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Image vectors of one {@link Embedder} kept for top-k cosine search, keyed by image id. Vectors of different embedders
 * are never comparable, so an index holds those of {@link #embedderId()} only. Implementations are thread-safe:
 * searches run concurrently with each other, and a change is visible to every search that starts after it returned.
 */
public interface VectorIndex {

    /** A search result: an image id and its cosine similarity to the query (1 = same direction, -1 = opposite). */
    record Hit(long id, double score) {
    }

    /** The {@link Embedder#id()} whose vectors this index holds. */
    String embedderId();

    /** The length of every vector in the index. */
    int dimension();

    int size();

    /**
     * Adds the image's vector or replaces the one it had. The vector is copied (and L2-normalised, so callers may pass
     * raw ones); a vector of zeros stays zeros and scores 0 against everything.
     *
     * @throws IllegalArgumentException if the length is not {@link #dimension()} or a component is NaN or infinite
     */
    void put(long id, float[] vector);

    /** @return whether the image had a vector */
    boolean remove(long id);

    /** A copy of the image's (normalised) vector, e.g. to search for images like one already indexed. */
    Optional<float[]> vector(long id);

    /**
     * The {@code k} images most similar to the query among those {@code allowed} accepts, best first; ties go to the
     * lower id. Exact implementations compare the query with every vector.
     *
     * @param allowed the caller's visibility and tag filter, applied during the search so that the {@code k} results
     *                are all ones the caller may see. It may be called from several threads at once, and only for
     *                candidates that would enter the current top {@code k}, so it should be cheap and side-effect free.
     * @throws IllegalArgumentException if the query's length is not {@link #dimension()}
     */
    List<Hit> search(float[] query, int k, LongPredicate allowed);
}
