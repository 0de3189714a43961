package org.gallerist.core.internal;

import java.util.Collection;
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

    /** Holds the locks of all these contents, taken in one order so that two such calls cannot deadlock. */
    <T> T withAll(Collection<String> sha256s, Supplier<T> work) {
        int[] held = sha256s.stream().mapToInt(this::stripe).distinct().sorted().toArray();
        for (int i = 0; i < held.length; i++) {
            stripes[held[i]].lock();
        }
        try {
            return work.get();
        } finally {
            for (int i = held.length - 1; i >= 0; i--) {
                stripes[held[i]].unlock();
            }
        }
    }

    private int stripe(String sha256) {
        return Math.floorMod(sha256.hashCode(), stripes.length);
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
