package org.gallerist.storage.jdbc.internal;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.gallerist.spi.storage.VectorStore.Entry;
import org.gallerist.spi.storage.VectorStore.EntrySink;

/**
 * Passes entries to the caller's sink on a thread of its own, one at a time and in order, so that reading the next
 * vectors (the snapshot or Derby) and indexing the last ones run on two cores: at 100,000 vectors each took ~0.7 s
 * of a load. A bounded queue keeps at most {@value #CAPACITY} entries in between. {@link #finish()} waits until the
 * sink has taken every entry and rethrows what it threw.
 */
final class HandOffSink implements EntrySink {

    private static final int CAPACITY = 1024;
    private static final Entry END = new Entry(-1, "", false, List.of(), new float[0]);

    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread consumer;
    private volatile RuntimeException failure;

    HandOffSink(EntrySink sink) {
        this.consumer = new Thread(() -> drainInto(sink), "gallerist-vector-load");
        consumer.setDaemon(true);
        consumer.start();
    }

    private void drainInto(EntrySink sink) {
        try {
            for (Entry entry = queue.take(); entry != END; entry = queue.take()) {
                if (failure == null) {
                    try {
                        sink.accept(entry);
                    } catch (RuntimeException e) {
                        failure = e; // the producer sees it at its next entry; until then the queue is drained
                    }
                }
            }
        } catch (InterruptedException abandoned) {
            // the producer failed and gave up
        }
    }

    @Override
    public void accept(Entry entry) {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
        put(entry);
    }

    private void put(Entry entry) {
        try {
            queue.put(entry);
        } catch (InterruptedException e) {
            consumer.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The vector load was interrupted", e);
        }
    }

    /** Waits for the sink to take every entry handed over; rethrows its failure. */
    void finish() {
        put(END);
        try {
            consumer.join();
        } catch (InterruptedException e) {
            consumer.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The vector load was interrupted", e);
        }
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    /** Stops the consumer without waiting for the entries still queued, after the producer failed. */
    void abandon() {
        consumer.interrupt();
    }
}
