package org.gallerist.similarity.djl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs items through one worker thread in batches: whatever is waiting when the worker gets to it (up to the batch
 * size, from any number of callers) goes as one batch. Callers block until their own items are done.
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
    private final int batchSize;
    private final BatchFunction<I, O> function;
    private final Thread worker;
    private volatile boolean closed;

    MicroBatcher(String name, int batchSize, BatchFunction<I, O> function) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1, not " + batchSize + ".");
        }
        this.batchSize = batchSize;
        this.function = function;
        this.worker = new Thread(this::work, name);
        worker.setDaemon(true);
        worker.start();
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
        if (closed) {
            failWaiting();
        }
        List<O> outputs = new ArrayList<>(items.size());
        for (CompletableFuture<O> result : results) {
            try {
                outputs.add(result.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(
                        e.getCause().getMessage(), e.getCause());
            }
        }
        return outputs;
    }

    private void work() {
        List<Pending<I, O>> batch = new ArrayList<>(batchSize);
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, batchSize - 1);
            try {
                List<O> outputs = function.apply(batch.stream().map(Pending::item).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(outputs.get(i));
                }
            } catch (Throwable e) {
                batch.forEach(pending -> pending.result().completeExceptionally(e));
            }
            batch.clear();
        }
        failWaiting();
    }

    private void failWaiting() {
        Pending<I, O> pending;
        while ((pending = queue.poll()) != null) {
            pending.result().completeExceptionally(new IllegalStateException("The embedder was stopped."));
        }
    }

    /** Stops the worker after the batch it is running; items still waiting fail. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failWaiting();
    }
}
