package org.gallerist.core.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.Upload;
import org.gallerist.api.similarity.Embedder;
import org.gallerist.api.similarity.Embedding;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.api.similarity.VectorIndex;
import org.gallerist.api.similarity.VectorIndexFactory;
import org.gallerist.api.spi.BlobStore;
import org.gallerist.api.spi.ImageProcessor;
import org.gallerist.api.spi.ImageRecord;
import org.gallerist.api.spi.ImageStore;
import org.gallerist.api.spi.VectorStore;
import org.gallerist.rules.ImageRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Similar-image search on the highest-ranked {@link Embedder}. Every image is embedded from its preview rendition, at
 * upload and in the background re-index, and so is every query, so all vectors of one index come from the same
 * pipeline. When another embedder takes over (a model configured, a plugin dropped in), a new index is built from the
 * stored vectors of that embedder and the missing ones are computed in the background; the old model's vectors are
 * never searched with the new model's queries.
 */
@Component(service = { SimilarityService.class, ImageAnalysis.class }, configurationPid = "org.gallerist.server",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class SimilarityServiceImpl implements SimilarityService, ImageAnalysis {

    private static final Logger LOG = Logger.getLogger(SimilarityServiceImpl.class.getName());
    /** Decoding keeps at least this short side, what the usual 224 px CNN input is cropped from. */
    static final int ANALYSIS_SHORT_SIDE = 256;
    private static final int REINDEX_BATCH = 16;

    private final ImageStore images;
    private final VectorStore vectors;
    private final VectorIndexFactory indexes;
    private final ImageProcessor processor;
    private final BlobStore blobs;
    private final SimilarityConfig config;
    /** Index builds and re-indexing, one at a time, in order. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gallerist-similarity");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Embedder embedder;
    private volatile ActiveIndex active;
    private volatile boolean reindexing;

    @Activate
    public SimilarityServiceImpl(@Reference ImageStore images, @Reference VectorStore vectors,
            @Reference VectorIndexFactory indexes, @Reference ImageProcessor processor, @Reference BlobStore blobs,
            SimilarityConfig config) {
        this.images = images;
        this.vectors = vectors;
        this.indexes = indexes;
        this.processor = processor;
        this.blobs = blobs;
        this.config = config;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEmbedder(Embedder candidate) {
        embedder = candidate;
        switchEmbedder();
    }

    void unbindEmbedder(Embedder gone) {
        if (embedder == gone) {
            embedder = null;
            switchEmbedder();
        }
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
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
        ActiveIndex next = ActiveIndex.of(current, indexes.create(current.id(), current.dimension()));
        vectors.forEach(current.id(), entry -> next.put(entry.imageId(),
                ImageAccess.of(entry.owner(), entry.isPublic(), entry.tags()), entry.vector()));
        active = next;
        LOG.info(() -> "Similarity search uses " + current.id() + " (" + next.index().size() + " vectors stored)");
        reindex(next);
    }

    /** Computes the vectors the active embedder lacks, in batches; runs on the worker thread. */
    private void reindex(ActiveIndex target) {
        Set<Long> failed = new HashSet<>();
        reindexing = true;
        try {
            while (active == target && !Thread.currentThread().isInterrupted()) {
                List<Long> ids = new ArrayList<>(vectors.missing(target.embedder().id(), REINDEX_BATCH + failed.size()));
                ids.removeAll(failed);
                if (ids.isEmpty()) {
                    int dropped = vectors.deleteOthers(target.embedder().id());
                    if (dropped > 0) {
                        LOG.info(() -> "Re-index with " + target.embedder().id() + " complete; dropped " + dropped
                                + " vectors of other embedders");
                    }
                    return;
                }
                List<Image> batch = new ArrayList<>();
                List<BufferedImage> decoded = new ArrayList<>();
                for (long id : ids.subList(0, Math.min(REINDEX_BATCH, ids.size()))) {
                    try {
                        Optional<ImageRecord> record = images.find(id);
                        if (record.isPresent()) {
                            decoded.add(decodePreview(record.get()));
                            batch.add(record.get().image());
                        }
                    } catch (RuntimeException | IOException e) {
                        failed.add(id);
                        LOG.warning(() -> "Image #" + id + " cannot be embedded: " + e.getMessage());
                    }
                }
                if (!batch.isEmpty()) {
                    List<Embedding> embeddings = target.embedder().embed(decoded);
                    for (int i = 0; i < batch.size(); i++) {
                        Image image = batch.get(i);
                        vectors.put(image.id(), target.embedder().id(), embeddings.get(i).vector());
                        target.put(image.id(), ImageAccess.of(image), embeddings.get(i).vector());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Re-indexing with " + target.embedder().id() + " stopped: " + e.getMessage(), e);
        } finally {
            reindexing = false;
        }
    }

    private BufferedImage decodePreview(ImageRecord record) throws IOException {
        String key = record.previewKey() != null ? record.previewKey() : record.originalKey();
        try (InputStream in = blobs.open(key)) {
            return processor.decodeForAnalysis(in.readAllBytes(), ANALYSIS_SHORT_SIDE, config.maxImagePixels());
        }
    }

    @Override
    public Status status() {
        ActiveIndex current = active;
        long total = images.counts().images();
        if (current == null) {
            return new Status("none", 0, 0, total, false);
        }
        return new Status(current.embedder().id(), current.embedder().dimension(), current.index().size(), total,
                reindexing);
    }

    @Override
    public List<SimilarImage> similar(User caller, InputStream query, int limit, List<String> tags) {
        int k = checkedLimit(limit);
        List<String> wanted = ImageRules.tags(tags);
        ActiveIndex current = available();
        byte[] preview;
        try (BlobStore.Staged staged = blobs.stage(query, config.maxImageBytes())) {
            processor.inspect(staged.file(), config.maxImagePixels());
            preview = processor.render(staged.file(), ImageSize.PREVIEW);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the query image failed", e);
        }
        float[] vector = embed(current, preview).vector();
        return results(current.search(caller, vector, k, wanted, -1));
    }

    @Override
    public List<SimilarImage> similarTo(User caller, long id, int limit, List<String> tags) {
        int k = checkedLimit(limit);
        List<String> wanted = ImageRules.tags(tags);
        ActiveIndex current = available();
        ImageRecord record = images.find(id).filter(r -> ImageAccess.of(r.image()).visibleTo(caller))
                .orElseThrow(() -> new GalleristException(ErrorCode.NOT_FOUND, "There is no image #" + id + "."));
        float[] vector = current.index().vector(id).orElseGet(() -> {
            try {
                return current.embedder().embed(List.of(decodePreview(record))).get(0).vector();
            } catch (IOException e) {
                throw new UncheckedIOException("Reading image #" + id + " failed", e);
            }
        });
        return results(current.search(caller, vector, k, wanted, id));
    }

    private static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT,
                    "The limit must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
        }
        return limit;
    }

    private ActiveIndex available() {
        ActiveIndex current = active;
        if (current == null) {
            throw new GalleristException(ErrorCode.UNAVAILABLE,
                    "Similarity search is not available: no embedder is running on the server.");
        }
        return current;
    }

    private Embedding embed(ActiveIndex current, byte[] preview) {
        BufferedImage image = processor.decodeForAnalysis(preview, ANALYSIS_SHORT_SIDE, config.maxImagePixels());
        return current.embedder().embed(List.of(image)).get(0);
    }

    private List<SimilarImage> results(List<VectorIndex.Hit> hits) {
        List<SimilarImage> results = new ArrayList<>(hits.size());
        for (VectorIndex.Hit hit : hits) {
            images.find(hit.id()).ifPresent(record -> results.add(new SimilarImage(record.image(), hit.score())));
        }
        return results;
    }

    @Override
    public Analysis analyse(User caller, byte[] preview) {
        ActiveIndex current = active;
        if (current == null) {
            return Analysis.NONE;
        }
        try {
            Embedding embedding = embed(current, preview);
            List<Upload.NearDuplicate> near = new ArrayList<>();
            for (SimilarImage hit : results(current.search(caller, embedding.vector(), config.uploadHints(), List.of(),
                    -1))) {
                if (hit.score() >= config.nearDuplicateThreshold()) {
                    near.add(new Upload.NearDuplicate(hit.image().id(), hit.image().name(), hit.score()));
                }
            }
            return new Analysis(current.embedder().id(), embedding.vector(), near, suggestedTags(embedding));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Analysing an upload failed; the re-index will try again: " + e.getMessage());
            return Analysis.NONE;
        }
    }

    private List<String> suggestedTags(Embedding embedding) {
        List<String> tags = new ArrayList<>();
        for (Embedding.Label label : embedding.labels()) {
            try {
                String tag = ImageRules.tag(label.name());
                if (tags.size() < config.uploadHints() && !tags.contains(tag)) {
                    tags.add(tag);
                }
            } catch (GalleristException notTagSyntax) {
                // a label that cannot be a tag is not suggested
            }
        }
        return tags;
    }

    @Override
    public void added(Image image, Analysis analysis) {
        ActiveIndex current = active;
        if (current == null || !current.embedder().id().equals(analysis.embedderId())) {
            return; // the re-index computes it with whatever embedder is active by then
        }
        try {
            vectors.put(image.id(), analysis.embedderId(), analysis.vector());
            current.put(image.id(), ImageAccess.of(image), analysis.vector());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Storing the vector of image #" + image.id() + " failed: " + e.getMessage());
        }
    }

    @Override
    public void changed(Image image) {
        ActiveIndex current = active;
        if (current != null) {
            current.access().computeIfPresent(image.id(), (id, old) -> ImageAccess.of(image));
        }
    }

    @Override
    public void removed(long id) {
        ActiveIndex current = active;
        if (current != null) {
            current.remove(id);
        }
    }

    @Override
    public void tagRenamed(String from, String to) {
        ActiveIndex current = active;
        if (current != null) {
            current.access().replaceAll((id, old) -> old.renameTag(from, to));
        }
    }

    @Override
    public void tagDeleted(String tag) {
        ActiveIndex current = active;
        if (current != null) {
            current.access().replaceAll((id, old) -> old.withoutTag(tag));
        }
    }
}
