package org.gallerist.api.image;

import java.util.List;

/**
 * What an upload stored, and what the server noticed about it.
 *
 * @param nearDuplicates images the uploader may see that look almost the same, best first
 * @param suggestedTags  tags the embedder's model suggests (in tag syntax), best first; empty without a model
 */
public record Upload(Image image, List<NearDuplicate> nearDuplicates, List<String> suggestedTags) {

    /** Another image that looks almost the same, with its cosine similarity. */
    public record NearDuplicate(long id, String name, double score) {
    }

    public Upload {
        nearDuplicates = List.copyOf(nearDuplicates);
        suggestedTags = List.copyOf(suggestedTags);
    }
}
