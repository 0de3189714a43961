package org.gallerist.core.internal;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/**
 * How many images are decoded at once. A decode holds up to a few hundred megabytes for a large image, so parallel
 * uploads (or similar-image queries) beyond this wait their turn for a bounded time and then get {@code busy}, instead
 * of taking all memory. Not reentrant: work holding a permit must not ask for another.
 */
final class DecodePermits {

    static final String LIMIT = "concurrent_decodes";

    private final Semaphore permits;
    private final int max;
    private final long waitMillis;

    /** @param max at least 1; {@code waitMillis} 0 means refuse at once when all permits are taken */
    DecodePermits(int max, long waitMillis) {
        if (max < 1 || waitMillis < 0) {
            throw new IllegalArgumentException("max must be at least 1 and waitMillis not negative");
        }
        this.permits = new Semaphore(max, true);
        this.max = max;
        this.waitMillis = waitMillis;
    }

    int max() {
        return max;
    }

    /** Runs {@code decode} once a permit is free within the wait, else throws {@code busy}. */
    <T> T decode(Supplier<T> decode) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            throw busy();
        }
        return runHolding(decode);
    }

    private <T> T runHolding(Supplier<T> decode) {
        try {
            return decode.get();
        } finally {
            permits.release();
        }
    }

    private GalleristException busy() {
        return new GalleristException(ErrorCode.BUSY, "The server is decoding as many images as it may at once ("
                + max + "); try again shortly.", Map.of(GalleristException.LIMIT, LIMIT, GalleristException.MAX, max));
    }
}
