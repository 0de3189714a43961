/**
 * Similar-image search for plugins: an {@link org.gallerist.spi.similarity.Embedder} turns an image into a
 * vector, a {@link org.gallerist.spi.similarity.VectorIndexFactory} makes the index searched; both ranked.
 */
@Version("0.2.0")
package org.gallerist.spi.similarity;

import org.osgi.annotation.versioning.Version;
