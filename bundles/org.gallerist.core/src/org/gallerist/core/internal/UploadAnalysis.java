package org.gallerist.core.internal;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.Upload;
import org.gallerist.spi.similarity.Embedding;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.spi.storage.VectorStore;
import org.gallerist.rules.ImageRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link SimilarityIndex} up to date with the image repository: embeds each upload's preview pixels (reporting near
 * duplicates and suggesting tags), stores its vector once the row committed, and follows every later change.
 */
@Component(service = ImageAnalysis.class, configurationPid = SimilarityConfig.PID)
@Designate(ocd = SimilarityConfig.class)
public class UploadAnalysis implements ImageAnalysis {

    private static final Logger LOG = LoggerFactory.getLogger(UploadAnalysis.class);

    private final SimilarityIndex index;
    private final VectorStore vectors;
    private final SimilarityConfig config;

    @Activate
    public UploadAnalysis(@Reference SimilarityIndex index, @Reference VectorStore vectors, SimilarityConfig config) {
        this.index = index;
        this.vectors = vectors;
        this.config = config;
    }

    @Override
    public int analysisShortSide() {
        return index.active().isPresent() ? AnalysisImages.ANALYSIS_SHORT_SIDE : 0;
    }

    @Override
    public Analysis analyse(User caller, BufferedImage pixels) {
        Optional<ActiveIndex> active = index.active();
        if (active.isEmpty() || pixels == null) {
            return Analysis.NONE;
        }
        ActiveIndex current = active.get();
        try {
            Embedding embedding = current.embed(pixels);
            List<Upload.NearDuplicate> near = new ArrayList<>();
            for (SimilarImage hit : index.search(current, caller, embedding.vector(), config.uploadHints(), List.of(),
                    -1)) {
                if (hit.score() >= config.nearDuplicateThreshold()) {
                    near.add(new Upload.NearDuplicate(hit.image().id(), hit.image().name(), hit.score()));
                }
            }
            return new Analysis(current.embedderId(), embedding.vector(), near, suggestedTags(embedding),
                    SimilarityIndex.seen(embedding));
        } catch (RuntimeException e) {
            LOG.warn("Analysing an upload failed; the re-index will try again: {}", e.getMessage());
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
        Optional<ActiveIndex> current = index.active();
        if (current.isEmpty()) {
            return; // the embedder that comes computes it when it takes over
        }
        if (!current.get().embedderId().equals(analysis.embedderId())) {
            // analysed before this embedder took over (its re-index may have looked before this row committed), or
            // the embedding failed: the row is committed now, so a re-index pass finds it
            index.reindexLater();
            return;
        }
        try {
            vectors.put(image.id(), analysis.embedderId(), analysis.vector(), analysis.seen());
            current.get().put(image.id(), ImageAccess.of(image), analysis.vector());
        } catch (RuntimeException e) {
            LOG.warn("Storing the vector of image #{} failed: {}", image.id(), e.getMessage());
        }
    }

    @Override
    public List<String> seen(long id) {
        return index.active().map(current -> vectors.labels(id, current.embedderId())).orElse(List.of());
    }

    @Override
    public void changed(Image image) {
        index.active().ifPresent(
                current -> current.access().computeIfPresent(image.id(), (id, old) -> ImageAccess.of(image)));
    }

    @Override
    public void removed(long id) {
        index.active().ifPresent(current -> current.remove(id));
    }

    @Override
    public void tagRenamed(String from, String to) {
        index.active().ifPresent(current -> current.access().replaceAll((id, old) -> old.renameTag(from, to)));
    }

    @Override
    public void tagDeleted(String tag) {
        index.active().ifPresent(current -> current.access().replaceAll((id, old) -> old.withoutTag(tag)));
    }
}
