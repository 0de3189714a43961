package org.gallerist.similarity.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time used by all of this JVM's threads (the searching thread and the fork-join workers helping it). Unlike wall
 * time it does not grow when other processes take turns on the same cores, so it shows the work a search costs even
 * on a busy machine (it still grows when they compete for memory bandwidth and caches).
 */
final class CpuClock {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    long totalNanos() {
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos > 0) { // -1: the thread ended meanwhile
                total += nanos;
            }
        }
        return total;
    }
}
