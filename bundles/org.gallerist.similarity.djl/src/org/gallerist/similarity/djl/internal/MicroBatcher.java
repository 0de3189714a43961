package org.gallerist.similarity.djl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs items in batches, one batch at a time: whatever is waiting when the model is free (up to the batch size, from
 * any number of callers) goes as one batch. The callers themselves take turns running batches, so a lone caller
 * pays no hand-over to another thread, and callers arriving while a batch runs are served together by the next.
 */
final class MicroBatcher<I, O> implements AutoCloseable {

    @FunctionalInterface
    interface BatchFunction<I, O> {
        /** One result per item, in order. */
        List<O> apply(List<I> batch) throws Exception;
    }

    private record Pending<I, O>(I item, CompletableFuture<O> result) {
    }

    private final BlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();
    /** Held while a batch runs: the batch function is never called by two threads at once. */
    private final ReentrantLock running = new ReentrantLock(true);
    private final int batchSize;
    private final BatchFunction<I, O> function;
    private volatile boolean closed;

    MicroBatcher(int batchSize, BatchFunction<I, O> function) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1, not " + batchSize + ".");
        }
        this.batchSize = batchSize;
        this.function = function;
    }

    /**
     * The results of {@code items}, in order.
     *
     * @throws IllegalStateException when the batcher is closed before the items are done
     * @throws RuntimeException      what the batch function threw for their batch
     */
    List<O> process(List<I> items) {
        List<CompletableFuture<O>> results = new ArrayList<>(items.size());
        for (I item : items) {
            CompletableFuture<O> result = new CompletableFuture<>();
            results.add(result);
            queue.add(new Pending<>(item, result));
        }
        while (!allDone(results)) {
            running.lock();
            try {
                if (closed) {
                    failWaiting();
                } else if (!allDone(results)) {
                    runOneBatch();
                }
            } finally {
                running.unlock();
            }
        }
        List<O> outputs = new ArrayList<>(items.size());
        for (CompletableFuture<O> result : results) {
            try {
                outputs.add(result.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
        return outputs;
    }

    private void runOneBatch() {
        List<Pending<I, O>> batch = new ArrayList<>(batchSize);
        queue.drainTo(batch, batchSize);
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<O> outputs = function.apply(batch.stream().map(Pending::item).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(outputs.get(i));
            }
        } catch (Throwable e) {
            batch.forEach(pending -> pending.result().completeExceptionally(e));
        }
    }

    private static boolean allDone(List<? extends CompletableFuture<?>> results) {
        for (CompletableFuture<?> result : results) {
            if (!result.isDone()) {
                return false;
            }
        }
        return true;
    }

    private void failWaiting() {
        Pending<I, O> pending;
        while ((pending = queue.poll()) != null) {
            pending.result().completeExceptionally(new IllegalStateException("The embedder was stopped."));
        }
    }

    /** Waits for a running batch to end; items still waiting, and later calls, fail. */
    @Override
    public void close() {
        closed = true;
        running.lock();
        try {
            failWaiting();
        } finally {
            running.unlock();
        }
    }
}
