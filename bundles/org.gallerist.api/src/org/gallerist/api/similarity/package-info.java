/** Similar-image search: the embedder extension point and search results. */
package org.gallerist.api.similarity;
