package org.gallerist.core.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.image.Image;
import org.gallerist.spi.similarity.Embedder;
import org.gallerist.spi.similarity.Embedding;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.spi.similarity.VectorIndex;
import org.gallerist.spi.similarity.VectorIndexFactory;
import org.gallerist.spi.storage.BlobStore;
import org.gallerist.spi.imaging.ImageProcessor;
import org.gallerist.spi.storage.ImageRecord;
import org.gallerist.spi.storage.ImageStore;
import org.gallerist.spi.storage.VectorStore;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vector index of the highest-ranked {@link Embedder}. Every image is embedded from its preview's pixels, at
 * upload and in the background re-index, and so is every query, so all vectors of one index come from the same
 * pipeline ({@link AnalysisImages}). When another embedder takes over (a model configured, a plugin dropped in), a
 * new index is built from the stored vectors of that embedder and the missing ones are computed in the background;
 * the old model's vectors are never searched with the new model's queries. Delayed on purpose: activated at start
 * (immediate), loading 100,000 vectors competed with the start itself and made the server ready later (4.4-4.9 s
 * instead of 2.8-3.1 s) without answering the first search sooner. The server application asks for it once it is
 * ready.
 */
@Component(service = SimilarityIndex.class)
public class SimilarityIndex {

    private static final Logger LOG = LoggerFactory.getLogger(SimilarityIndex.class);
    private static final int REINDEX_BATCH = 16;

    private final ImageStore images;
    private final VectorStore vectors;
    private final VectorIndexFactory indexes;
    private final AnalysisImages analysisImages;
    /** Brings what other servers on the same database wrote into the active index. */
    private final IndexFollower follower;
    /** Index builds and re-indexing, one at a time, in order. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gallerist-similarity");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Embedder embedder;
    /** The bound embedder ranks below zero: a fallback such as the built-in descriptor, while a model loads or fails. */
    private volatile boolean embedderIsFallback;
    private volatile ActiveIndex active;
    private volatile boolean reindexing;
    /** A re-index pass is queued on the worker and has not started yet. */
    private final AtomicBoolean reindexQueued = new AtomicBoolean();

    @Activate
    public SimilarityIndex(@Reference ImageStore images, @Reference VectorStore vectors,
            @Reference VectorIndexFactory indexes,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) ImageProcessor processor, // libvips when it comes
            @Reference BlobStore blobs, @Reference ImageLimits limits) {
        this.images = images;
        this.vectors = vectors;
        this.indexes = indexes;
        this.analysisImages = new AnalysisImages(processor, blobs, limits);
        this.follower = new IndexFollower(vectors, this::reloadLater);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEmbedder(Embedder candidate, Map<String, Object> properties) {
        embedderIsFallback = properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking && ranking < 0;
        embedder = candidate;
        switchEmbedder();
    }

    void unbindEmbedder(Embedder gone) {
        if (embedder == gone) {
            embedder = null;
            switchEmbedder();
        }
    }

    /** Waits (bounded) for a load or re-index in flight, so that nothing writes to the database after the stop. */
    @Deactivate
    void stop() throws InterruptedException {
        follower.stop();
        worker.shutdownNow();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("The similarity index was still loading or re-indexing when the server stopped.");
        }
    }

    /** The index in use; empty while no embedder runs. */
    Optional<ActiveIndex> active() {
        return Optional.ofNullable(active);
    }

    /** The index in use, for a search that cannot do without one; not one whose embedder is being replaced. */
    ActiveIndex available() {
        ActiveIndex current = active;
        Embedder wanted = embedder;
        if (wanted == null) {
            throw new GalleristException(ErrorCode.UNAVAILABLE,
                    "Similarity search is not available: no embedder is running on the server.");
        }
        if (current == null || current.embedder() != wanted) {
            throw new GalleristException(ErrorCode.UNAVAILABLE,
                    "Similarity search is starting: the image index is loading. Try again in a few seconds.");
        }
        return current;
    }

    boolean reindexing() {
        return reindexing;
    }

    /** What the model saw, as stored with the vector: each label with its synonyms, best first. */
    static List<String> seen(Embedding embedding) {
        return embedding.labels().stream().map(Embedding.Label::text).toList();
    }

    /** Embeds a query image the way an upload would be, keeping nothing of it. */
    Embedding embedQuery(ActiveIndex current, InputStream query) {
        return current.embed(analysisImages.decodeQuery(query));
    }

    Embedding embedStored(ActiveIndex current, ImageRecord record) throws IOException {
        return current.embed(analysisImages.decodeStored(record));
    }

    /**
     * The hits the caller may see, as images. The index's idea of who may see what can lag behind the rows (another
     * request changed them a moment ago, or another node did), so each hit is checked again against its current row:
     * one deleted, made private or untagged meanwhile is left out, and its index entry brought up to date.
     */
    List<SimilarImage> search(ActiveIndex current, User caller, float[] query, int limit, List<String> tags,
            long excluded) {
        List<VectorIndex.Hit> hits = current.search(caller, query, limit, tags, excluded);
        List<SimilarImage> results = new ArrayList<>(hits.size());
        for (VectorIndex.Hit hit : hits) {
            Optional<ImageRecord> row = images.find(hit.id());
            if (row.isEmpty()) {
                current.remove(hit.id());
                continue;
            }
            Image image = row.get().image();
            ImageAccess now = ImageAccess.of(image);
            if (now.visibleTo(caller) && now.hasAll(tags)) {
                results.add(new SimilarImage(image, hit.score()));
            } else {
                current.access().computeIfPresent(image.id(), (id, stale) -> now);
            }
        }
        return results;
    }

    /**
     * Queues a pass computing the vectors the active index lacks, e.g. for an image committed without one (it was
     * analysed before this embedder took over, or its embedding failed); at most one pass waits at a time.
     */
    void reindexLater() {
        if (active == null || worker.isShutdown() || !reindexQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                reindexQueued.set(false);
                ActiveIndex target = active;
                if (target != null) {
                    reindex(target);
                }
            });
        } catch (RejectedExecutionException stoppedMeanwhile) {
            reindexQueued.set(false);
        }
    }

    private void switchEmbedder() {
        if (worker.isShutdown()) {
            return; // SCR unbinds after deactivation too; there is nothing left to switch
        }
        try {
            worker.execute(this::switchNow);
        } catch (RejectedExecutionException stoppedMeanwhile) {
            // deactivated between the check and the call
        }
    }

    private void switchNow() {
        Embedder current = embedder;
        ActiveIndex previous = active;
        if (current == null) {
            active = null;
            return;
        }
        if (previous != null && previous.embedder() == current) {
            return;
        }
        load(current);
    }

    /** Loads the index again when it lost track of other servers' changes, unless another one took over already. */
    private void reloadLater(ActiveIndex stale) {
        try {
            worker.execute(() -> {
                if (active == stale && embedder == stale.embedder()) {
                    load(stale.embedder());
                }
            });
        } catch (RejectedExecutionException stoppedMeanwhile) {
            // the server stops
        }
    }

    /** A new index of the embedder's stored vectors, following changes from before the load began. */
    private void load(Embedder current) {
        long start = System.nanoTime();
        VectorStore.ChangeFeed changes = vectors.follow();
        ActiveIndex next = ActiveIndex.of(current, indexes.create(current.id(), current.dimension()));
        try {
            vectors.forEach(current.id(), entry -> next.put(entry.imageId(),
                    ImageAccess.of(entry.owner(), entry.isPublic(), entry.tags()), entry.vector()));
        } catch (RuntimeException e) {
            changes.close();
            throw e;
        }
        active = next;
        follower.follow(next, changes);
        LOG.info("Similarity search uses {} ({} vectors stored, loaded in {} ms)", current.id(), next.index().size(),
                (System.nanoTime() - start) / 1_000_000);
        reindex(next);
    }

    /** Computes the vectors the active embedder lacks, in batches; runs on the worker thread. */
    private void reindex(ActiveIndex target) {
        Set<Long> failed = new HashSet<>();
        reindexing = true;
        try {
            // stops as soon as another embedder is bound: its switch waits on this thread
            while (active == target && embedder == target.embedder() && !Thread.currentThread().isInterrupted()) {
                List<Long> ids = new ArrayList<>(vectors.missing(target.embedderId(), REINDEX_BATCH + failed.size()));
                ids.removeAll(failed);
                if (ids.isEmpty()) {
                    if (embedderIsFallback) {
                        return; // keeps the vectors of the model that is loading, or will be back after a fix
                    }
                    int dropped = vectors.deleteOthers(target.embedderId());
                    if (dropped > 0) {
                        LOG.info("Re-index with {} complete; dropped {} vectors of other embedders", target.embedderId(),
                                dropped);
                    }
                    return;
                }
                embedBatch(target, ids.subList(0, Math.min(REINDEX_BATCH, ids.size())), failed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Re-indexing with {} stopped: {}", target.embedderId(), e.getMessage(), e);
        } finally {
            reindexing = false;
        }
    }

    /** Embeds and stores these images; those that cannot be read are added to {@code failed}. */
    private void embedBatch(ActiveIndex target, List<Long> ids, Set<Long> failed) {
        List<Image> batch = new ArrayList<>();
        List<BufferedImage> decoded = new ArrayList<>();
        for (long id : ids) {
            try {
                Optional<ImageRecord> record = images.find(id);
                if (record.isPresent()) {
                    decoded.add(analysisImages.decodeStored(record.get()));
                    batch.add(record.get().image());
                }
            } catch (RuntimeException | IOException e) {
                failed.add(id);
                LOG.warn("Image #{} cannot be embedded: {}", id, e.getMessage());
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        List<Embedding> embeddings = target.embedder().embed(decoded);
        for (int i = 0; i < batch.size(); i++) {
            Image image = batch.get(i);
            vectors.put(image.id(), target.embedderId(), embeddings.get(i).vector(), seen(embeddings.get(i)));
            target.put(image.id(), ImageAccess.of(image), embeddings.get(i).vector());
        }
    }
}
