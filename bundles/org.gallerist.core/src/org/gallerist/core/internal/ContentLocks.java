package org.gallerist.core.internal;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises work on the same content: an upload committing bytes and inserting its row must not interleave with a
 * delete removing the last row and then the file of the same bytes, or a row could point at a removed file.
 * Striped, so unrelated contents rarely wait on each other.
 */
final class ContentLocks {

    private final ReentrantLock[] stripes = new ReentrantLock[64];

    ContentLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    <T> T with(String sha256, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(sha256.hashCode(), stripes.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
