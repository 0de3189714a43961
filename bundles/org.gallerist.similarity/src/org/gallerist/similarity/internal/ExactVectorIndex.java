package org.gallerist.similarity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongPredicate;

import org.gallerist.spi.similarity.VectorIndex;

/**
 * Exact search: the query is compared with every vector. Vectors are normalised on the way in, so cosine is a dot
 * product, and live densely in large float arrays ("chunks"): slot s is at {@code chunk s / chunkSlots}, offset
 * {@code (s % chunkSlots) * dimension}. A removal moves the last vector into the freed slot, so a scan never meets a
 * hole, and growing adds a chunk instead of copying everything.
 * <p>
 * Searches share a read lock and changes take the write lock for the few microseconds a copy of one vector takes. The
 * lock is a non-fair {@link ReentrantReadWriteLock} rather than a {@code StampedLock} because a waiting writer stops
 * new readers from barging in: with searches overlapping all the time, a StampedLock writer could wait forever.
 * Large indexes are scanned in slices on the given pool, the calling thread taking one slice itself.
 */
final class ExactVectorIndex implements VectorIndex {

    /**
     * Just under 4 MiB of floats a chunk: big enough for fast scans, small enough that growing copies little. Not 4 MiB
     * exactly: with the array header that would take one more G1 region (1, 2 or 4 MiB at usual heap sizes); with 2 MiB
     * regions, chunks of 4 MiB + 16 bytes were measured at 3.1 KB per 512-float vector instead of 2.1 KB.
     */
    private static final int CHUNK_FLOATS = (1 << 20) - 64;
    /** Below this many floats a scan takes well under a millisecond and forking would cost more than it saves. */
    private static final long MIN_FLOATS_PER_SLICE = 1 << 18;

    private final String embedderId;
    private final int dimension;
    private final int chunkSlots;
    private final ForkJoinPool pool;
    private final int maxSlices;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    // Guarded by lock.
    private float[][] vectorChunks = new float[0][];
    private long[][] idChunks = new long[0][];
    private final LongIntMap slots = new LongIntMap();
    private int size;

    /** Searches use up to one thread per core: the caller and the pool's threads. */
    ExactVectorIndex(String embedderId, int dimension, ForkJoinPool pool) {
        this(embedderId, dimension, pool,
                Math.min(pool.getParallelism() + 1, Runtime.getRuntime().availableProcessors()));
    }

    /** @param maxThreads how many threads one search may use, the caller's included */
    ExactVectorIndex(String embedderId, int dimension, ForkJoinPool pool, int maxThreads) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("The dimension must be positive, not " + dimension);
        }
        this.embedderId = Objects.requireNonNull(embedderId);
        this.dimension = dimension;
        this.chunkSlots = Math.max(1, CHUNK_FLOATS / dimension);
        this.pool = pool;
        this.maxSlices = Math.max(1, maxThreads);
    }

    @Override
    public String embedderId() {
        return embedderId;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void put(long id, float[] vector) {
        float[] normalised = normalisedCopy(vector);
        lock.writeLock().lock();
        try {
            int slot = slots.get(id);
            if (slot < 0) {
                slot = size;
                ensureSlot(slot);
                slots.put(id, slot);
                size++;
            }
            System.arraycopy(normalised, 0, vectorChunks[slot / chunkSlots], (slot % chunkSlots) * dimension, dimension);
            idChunks[slot / chunkSlots][slot % chunkSlots] = id;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean remove(long id) {
        lock.writeLock().lock();
        try {
            int slot = slots.remove(id);
            if (slot < 0) {
                return false;
            }
            int last = --size;
            if (slot != last) {
                System.arraycopy(vectorChunks[last / chunkSlots], (last % chunkSlots) * dimension,
                        vectorChunks[slot / chunkSlots], (slot % chunkSlots) * dimension, dimension);
                long movedId = idChunks[last / chunkSlots][last % chunkSlots];
                idChunks[slot / chunkSlots][slot % chunkSlots] = movedId;
                slots.put(movedId, slot);
            }
            releaseEmptyChunks();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<float[]> vector(long id) {
        lock.readLock().lock();
        try {
            int slot = slots.get(id);
            if (slot < 0) {
                return Optional.empty();
            }
            int offset = (slot % chunkSlots) * dimension;
            return Optional.of(Arrays.copyOfRange(vectorChunks[slot / chunkSlots], offset, offset + dimension));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<Hit> search(float[] query, int k, LongPredicate allowed) {
        float[] normalised = normalisedCopy(query);
        Objects.requireNonNull(allowed);
        if (k <= 0) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            int slices = (int) Math.clamp((long) size * dimension / MIN_FLOATS_PER_SLICE, 1, maxSlices);
            int capacity = Math.min(k, size);
            float[][] vectors = vectorChunks;
            long[][] ids = idChunks;
            List<ForkJoinTask<TopHits>> forked = new ArrayList<>(slices - 1);
            for (int slice = 1; slice < slices; slice++) {
                int from = (int) ((long) size * slice / slices);
                int to = (int) ((long) size * (slice + 1) / slices);
                forked.add(pool.submit(() -> scan(normalised, capacity, allowed, vectors, ids, from, to)));
            }
            TopHits top;
            try {
                top = scan(normalised, capacity, allowed, vectors, ids, 0, size / slices);
            } finally {
                // Every slice ends before the read lock is released, even when this one failed.
                forked.forEach(ForkJoinTask::quietlyJoin);
            }
            for (ForkJoinTask<TopHits> slice : forked) {
                top.addAll(slice.join());
            }
            return top.toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Slots {@code [from, to)}. Runs on pool threads while the caller holds the read lock: taking the lock happened
     * after every completed write, and submitting the task after taking the lock, so these threads see the writes.
     */
    private TopHits scan(float[] query, int capacity, LongPredicate allowed, float[][] vectorChunks, long[][] idChunks,
            int from, int to) {
        TopHits top = new TopHits(Math.max(capacity, 1));
        int slot = from;
        while (slot < to) {
            int chunk = slot / chunkSlots;
            int end = Math.min(to, (chunk + 1) * chunkSlots);
            float[] vectors = vectorChunks[chunk];
            long[] ids = idChunks[chunk];
            for (int inChunk = slot - chunk * chunkSlots; slot < end; slot++, inChunk++) {
                float score = DotProduct.of(query, vectors, inChunk * dimension);
                // The predicate may be costly (a visibility lookup): ask it only about hits that would be kept.
                if (top.mayAccept(score) && top.accepts(score, ids[inChunk]) && allowed.test(ids[inChunk])) {
                    top.add(score, ids[inChunk]);
                }
            }
        }
        return top;
    }

    private void ensureSlot(int slot) {
        int chunk = slot / chunkSlots;
        if (chunk == vectorChunks.length) {
            vectorChunks = Arrays.copyOf(vectorChunks, chunk + 1);
            idChunks = Arrays.copyOf(idChunks, chunk + 1);
            // The first chunk starts small and doubles, so that a handful of images costs kilobytes, not megabytes.
            int slots = chunk == 0 ? Math.min(chunkSlots, 16) : chunkSlots;
            vectorChunks[chunk] = new float[slots * dimension];
            idChunks[chunk] = new long[slots];
        } else if (idChunks[chunk].length <= slot % chunkSlots) {
            int slots = Math.min(chunkSlots, idChunks[chunk].length * 2);
            vectorChunks[chunk] = Arrays.copyOf(vectorChunks[chunk], slots * dimension);
            idChunks[chunk] = Arrays.copyOf(idChunks[chunk], slots);
        }
    }

    /** Keeps one spare chunk at most, so that a size going up and down around a boundary does not reallocate. */
    private void releaseEmptyChunks() {
        int needed = (size + chunkSlots - 1) / chunkSlots;
        if (vectorChunks.length > needed + 1) {
            vectorChunks = Arrays.copyOf(vectorChunks, needed + 1);
            idChunks = Arrays.copyOf(idChunks, needed + 1);
        }
    }

    private float[] normalisedCopy(float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException(
                    "Expected a vector of " + dimension + " values for " + embedderId + ", got " + vector.length);
        }
        double sum = 0;
        for (float value : vector) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("Vector components must be finite numbers, not " + value);
            }
            sum += (double) value * value;
        }
        float[] copy = vector.clone();
        if (sum > 0) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < copy.length; i++) {
                copy[i] *= scale;
            }
        }
        return copy;
    }
}
