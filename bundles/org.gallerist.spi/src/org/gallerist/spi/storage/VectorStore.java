package org.gallerist.spi.storage;

import java.util.List;

/**
 * Persistence of image embeddings, one vector per image and embedder id, deleted with their image. Implemented by a
 * storage bundle; each method is one transaction.
 */
public interface VectorStore {

    /** What the index needs of one image to decide who may see it, besides its vector. */
    record Entry(long imageId, String owner, boolean isPublic, List<String> tags, float[] vector) {
    }

    /** Receives stored entries one at a time, so millions of them never sit in one list. */
    interface EntrySink {
        void accept(Entry entry);
    }

    /**
     * Stores (or replaces) the vector of an image, and what the embedder's model saw in it; does nothing if the image
     * is gone meanwhile.
     *
     * @param labels the model's labels, best first, each as its names joined by commas; text search matches them
     */
    void put(long imageId, String embedderId, float[] vector, List<String> labels);

    /** {@link #put(long, String, float[], List)} for an embedder without labels. */
    default void put(long imageId, String embedderId, float[] vector) {
        put(imageId, embedderId, vector, List.of());
    }

    /** The labels stored with the image's vector of this embedder, best first; empty if there are none. */
    List<String> labels(long imageId, String embedderId);

    /** Every stored vector of this embedder, with the image's owner, visibility and tags. */
    void forEach(String embedderId, EntrySink sink);

    /** Up to {@code limit} ids of images that have no vector of this embedder, oldest first. */
    List<Long> missing(String embedderId, int limit);

    /** Removes the vectors of every other embedder, once this one covers every image. */
    int deleteOthers(String embedderId);

    /** How many images have a vector of this embedder. */
    long count(String embedderId);
}
