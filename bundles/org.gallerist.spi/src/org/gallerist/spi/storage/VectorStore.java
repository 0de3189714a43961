package org.gallerist.spi.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * The entries of these images that have a vector of this embedder; an image left out is gone or has no such
     * vector (yet). This default scans every entry; stores override it.
     */
    default List<Entry> entries(String embedderId, Collection<Long> imageIds) {
        Set<Long> wanted = new HashSet<>(imageIds);
        List<Entry> found = new ArrayList<>();
        forEach(embedderId, entry -> {
            if (wanted.contains(entry.imageId())) {
                found.add(entry);
            }
        });
        return found;
    }

    /**
     * Follows, from now on, the changes of what a similarity index holds of an image (its vector, owner, visibility
     * or tags, or the image gone), written by this server or by any other node on the same database. This default
     * never reports a change: a store that only one server uses.
     */
    default ChangeFeed follow() {
        return wait -> {
            Thread.sleep(wait.toMillis());
            return Changes.NONE;
        };
    }

    /** A reader of changes; used by one thread, and closed when it is no longer read. */
    interface ChangeFeed extends AutoCloseable {

        /**
         * Waits at most {@code wait} for changes, and returns those made since the previous call (or since
         * {@link #follow()}); an image may be named again, as the index reads each one's current state.
         *
         * @throws org.gallerist.api.GalleristException {@code unavailable} while the database is out of reach; the
         *         next call catches up
         */
        Changes next(Duration wait) throws InterruptedException;

        @Override
        default void close() {
        }
    }

    /**
     * The images that changed, or {@code lostTrack}: the feed could not tell everything that changed (it was out of
     * reach longer than the store keeps changes), and the index has to be loaded again.
     */
    record Changes(Set<Long> imageIds, boolean lostTrack) {

        public static final Changes NONE = new Changes(Set.of(), false);
        public static final Changes LOST_TRACK = new Changes(Set.of(), true);

        public Changes {
            imageIds = Set.copyOf(imageIds);
        }
    }
}
