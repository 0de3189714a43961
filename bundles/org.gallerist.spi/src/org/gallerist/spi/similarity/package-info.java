/**
 * Similar-image search for plugins: an {@link org.gallerist.spi.similarity.Embedder} turns an image into a
 * vector (running an {@link org.gallerist.spi.similarity.EmbeddingModel} a model bundle offers, or its own), a
 * {@link org.gallerist.spi.similarity.VectorIndexFactory} makes the index searched; both ranked.
 */
@Version("0.3.0")
package org.gallerist.spi.similarity;

import org.osgi.annotation.versioning.Version;
