package org.gallerist.tests.harness;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polls a condition of the running server until it holds, failing with what was awaited once the time is up. */
public final class Await {

    private static final long POLL_MILLIS = 100;

    private Await() {
    }

    public static void until(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
