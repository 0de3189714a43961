package org.gallerist.similarity.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class MicroBatcherTest {

    @Test
    void itemsWaitingTogetherGoAsOneBatchAndEachCallerGetsItsOwnResults() throws Exception {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        CountDownLatch firstBatchRuns = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        try (MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>(8, batch -> {
            batchSizes.add(batch.size());
            if (batchSizes.size() == 1) {
                firstBatchRuns.countDown();
                othersQueued.await();
            }
            return batch.stream().map(i -> i * 10).toList();
        })) {
            ExecutorService callers = Executors.newFixedThreadPool(5);
            try {
                Future<List<Integer>> first = callers.submit(() -> batcher.process(List.of(1)));
                firstBatchRuns.await();
                List<Future<List<Integer>>> others = new ArrayList<>();
                for (int caller = 0; caller < 4; caller++) {
                    int base = caller * 100;
                    others.add(callers.submit(() -> batcher.process(List.of(base + 1, base + 2))));
                }
                Thread.sleep(200); // the four callers are queued behind the running batch
                othersQueued.countDown();
                assertEquals(List.of(10), first.get());
                for (int caller = 0; caller < 4; caller++) {
                    assertEquals(List.of(caller * 1000 + 10, caller * 1000 + 20), others.get(caller).get());
                }
            } finally {
                callers.shutdownNow();
            }
        }
        assertEquals(1, batchSizes.get(0));
        assertEquals(8, batchSizes.get(1), "the waiting items of four callers in one batch: " + batchSizes);
    }

    @Test
    void aFailingBatchFailsItsCallersAndLaterBatchesRun() {
        try (MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>(4, batch -> {
            if (batch.contains(13)) {
                throw new IllegalArgumentException("unlucky");
            }
            return batch;
        })) {
            assertEquals("unlucky", assertThrows(IllegalArgumentException.class,
                    () -> batcher.process(List.of(13))).getMessage());
            assertEquals(List.of(1, 2), batcher.process(List.of(1, 2)));
        }
    }

    @Test
    void aClosedBatcherRefuses() {
        MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>(4, batch -> batch);
        batcher.close();
        assertTrue(assertThrows(IllegalStateException.class, () -> batcher.process(List.of(1))).getMessage()
                .contains("stopped"));
    }
}
