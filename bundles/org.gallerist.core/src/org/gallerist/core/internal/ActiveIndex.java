package org.gallerist.core.internal;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gallerist.api.User;
import org.gallerist.spi.similarity.Embedder;
import org.gallerist.spi.similarity.Embedding;
import org.gallerist.spi.similarity.VectorIndex;

/** The embedder in use, its vectors, and who may see each indexed image; replaced as a whole when the embedder changes. */
record ActiveIndex(Embedder embedder, VectorIndex index, Map<Long, ImageAccess> access) {

    static ActiveIndex of(Embedder embedder, VectorIndex index) {
        return new ActiveIndex(embedder, index, new ConcurrentHashMap<>());
    }

    String embedderId() {
        return embedder.id();
    }

    Embedding embed(BufferedImage image) {
        return embedder.embed(List.of(image)).get(0);
    }

    void put(long id, ImageAccess imageAccess, float[] vector) {
        access.put(id, imageAccess);
        index.put(id, vector);
    }

    void remove(long id) {
        index.remove(id);
        access.remove(id);
    }

    List<VectorIndex.Hit> search(User caller, float[] query, int limit, List<String> tags, long excluded) {
        return index.search(query, limit, id -> {
            ImageAccess imageAccess = access.get(id);
            return id != excluded && imageAccess != null && imageAccess.visibleTo(caller) && imageAccess.hasAll(tags);
        });
    }
}
