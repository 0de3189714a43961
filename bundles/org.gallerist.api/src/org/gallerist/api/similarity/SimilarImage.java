package org.gallerist.api.similarity;

import org.gallerist.api.image.Image;

/** One search hit: an image the caller may see and its cosine similarity to the query (1 = same direction). */
public record SimilarImage(Image image, double score) {
}
