package org.gallerist.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.api.similarity.SimilarityService;
import org.gallerist.spi.storage.ImageRecord;
import org.gallerist.spi.storage.ImageStore;
import org.gallerist.rules.ImageRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Similar-image search in the {@link SimilarityIndex}: by an example image, which is rendered and decoded exactly
 * like an upload's preview, or by a stored image.
 */
@Component(service = SimilarityService.class)
public class SimilarityServiceImpl implements SimilarityService {

    private final SimilarityIndex index;
    private final ImageStore images;

    @Activate
    public SimilarityServiceImpl(@Reference SimilarityIndex index, @Reference ImageStore images) {
        this.index = index;
        this.images = images;
    }

    @Override
    public Status status() {
        long total = images.counts().images();
        return index.active()
                .map(current -> new Status(current.embedderId(), current.embedder().dimension(), current.index().size(),
                        total, index.reindexing(), current.embedder().description(), current.embedder().credits()))
                .orElseGet(() -> new Status("none", 0, 0, total, false));
    }

    @Override
    public List<SimilarImage> similar(User caller, InputStream query, int limit, List<String> tags) {
        int k = checkedLimit(limit);
        List<String> wanted = ImageRules.tags(tags);
        ActiveIndex current = index.available();
        float[] vector = index.embedQuery(current, query).vector();
        return index.search(current, caller, vector, k, wanted, -1);
    }

    @Override
    public List<SimilarImage> similarTo(User caller, long id, int limit, List<String> tags) {
        int k = checkedLimit(limit);
        List<String> wanted = ImageRules.tags(tags);
        ActiveIndex current = index.available();
        ImageRecord record = images.find(id).filter(r -> ImageAccess.of(r.image()).visibleTo(caller))
                .orElseThrow(() -> new GalleristException(ErrorCode.NOT_FOUND, "There is no image #" + id + "."));
        float[] vector = current.index().vector(id).orElseGet(() -> {
            try {
                return index.embedStored(current, record).vector();
            } catch (IOException e) {
                throw new UncheckedIOException("Reading image #" + id + " failed", e);
            }
        });
        return index.search(current, caller, vector, k, wanted, id);
    }

    private static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT,
                    "The limit must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
        }
        return limit;
    }
}
