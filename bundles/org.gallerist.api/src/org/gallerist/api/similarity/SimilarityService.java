package org.gallerist.api.similarity;

import java.io.InputStream;
import java.util.List;

import org.gallerist.api.User;

/**
 * Similar-image search over what the caller may see, best first. Queries go through the same checks as uploads, and
 * are compared only with vectors of the embedder that made the query's vector.
 */
public interface SimilarityService {

    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 200;

    /**
     * @param embedder   the active embedder's id ({@code none} when no embedder is registered)
     * @param dimension  its vector length (0 with none)
     * @param indexed    images that have a vector of it
     * @param images     images in the repository
     * @param reindexing whether vectors are being computed in the background
     * @param model      what people call the embedder's model, e.g. {@code SqueezeNet 1.1 (ImageNet), built in}
     * @param credits    where the model comes from and its licences; empty when there is nothing to credit
     */
    record Status(String embedder, int dimension, long indexed, long images, boolean reindexing, String model,
            String credits) {
        public Status {
            model = model == null ? embedder : model;
            credits = credits == null ? "" : credits;
        }

        /** A status that names no model beyond its embedder id. */
        public Status(String embedder, int dimension, long indexed, long images, boolean reindexing) {
            this(embedder, dimension, indexed, images, reindexing, embedder, "");
        }
    }

    Status status();

    /**
     * @param tags only images with all of these tags (none: no filter)
     * @throws org.gallerist.api.GalleristException the upload errors for a bad query image; {@code unavailable} when
     *                                              no embedder runs
     */
    List<SimilarImage> similar(User caller, InputStream query, int limit, List<String> tags);

    /** Images like one already stored (which is left out of the results); {@code not_found} if the caller cannot see it. */
    List<SimilarImage> similarTo(User caller, long id, int limit, List<String> tags);
}
