package org.gallerist.spi.similarity;

/**
 * Service that makes empty {@link VectorIndex}es. The one with the highest {@code service.ranking} is used, so an
 * approximate index for large collections can replace the built-in exact one by registering a factory.
 */
public interface VectorIndexFactory {

    /** @throws IllegalArgumentException if {@code dimension} is not positive */
    VectorIndex create(String embedderId, int dimension);
}
