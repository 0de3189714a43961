package org.gallerist.commands.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that store imported files, shared by all imports: two per core (or as configured), as many as the
 * server decodes at once, so that a core whose worker waits on a commit or a file has another one to run; idle ones
 * end after a minute. Each import keeps at most {@code count() + 1} files queued here, so the queue is
 * bounded by the imports running, which the SSH limits bound.
 */
final class ImportWorkers implements AutoCloseable {

    private final int count;
    private final ThreadPoolExecutor pool;

    ImportWorkers(int configured) {
        this.count = configured > 0 ? configured : 2 * Runtime.getRuntime().availableProcessors();
        AtomicInteger made = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(count, count, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "gallerist-import-" + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    int count() {
        return count;
    }

    ExecutorService pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
