/** Similar-image search: the embedder extension point, the vector index and search results. */
package org.gallerist.api.similarity;
