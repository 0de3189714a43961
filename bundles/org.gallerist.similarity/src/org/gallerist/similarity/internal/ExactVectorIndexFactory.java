package org.gallerist.similarity.internal;

import java.util.concurrent.ForkJoinPool;

import org.gallerist.spi.similarity.VectorIndex;
import org.gallerist.spi.similarity.VectorIndexFactory;
import org.osgi.service.component.annotations.Component;

/**
 * Makes {@link ExactVectorIndex}es. Large scans use the common fork-join pool: it has one thread per core but one, and
 * the searching thread itself works on a slice, so a search keeps every core busy without a pool of our own.
 */
@Component(service = VectorIndexFactory.class)
public class ExactVectorIndexFactory implements VectorIndexFactory {

    @Override
    public VectorIndex create(String embedderId, int dimension) {
        return new ExactVectorIndex(embedderId, dimension, ForkJoinPool.commonPool());
    }
}
