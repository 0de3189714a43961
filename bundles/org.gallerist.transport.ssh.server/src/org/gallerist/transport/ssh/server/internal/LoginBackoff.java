package org.gallerist.transport.ssh.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How long to hold back the answer to a failed login, per source address: {@code base × 2^(n-1)} for the n-th
 * failure in a row, capped; a success resets the address, and failures are forgotten after a quiet period.
 */
public final class LoginBackoff {

    public static final Duration BASE = Duration.ofMillis(500);
    public static final Duration CAP = Duration.ofSeconds(8);
    public static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int PRUNE_ABOVE = 10_000;

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final Duration base;
    private final Duration cap;
    private final Duration forgetAfter;
    private final Map<String, Failures> failures = new HashMap<>();

    public LoginBackoff(Clock clock) {
        this(clock, BASE, CAP, FORGET_AFTER);
    }

    public LoginBackoff(Clock clock, Duration base, Duration cap, Duration forgetAfter) {
        this.clock = clock;
        this.base = base;
        this.cap = cap;
        this.forgetAfter = forgetAfter;
    }

    /** Records a failure from this address and returns how long to wait before saying so. */
    public synchronized Duration failed(String source) {
        Instant now = clock.instant();
        if (failures.size() > PRUNE_ABOVE) {
            failures.values().removeIf(f -> isForgotten(f, now));
        }
        Failures previous = failures.get(source);
        int count = previous == null || isForgotten(previous, now) ? 1 : previous.count() + 1;
        failures.put(source, new Failures(count, now));
        return delayFor(count);
    }

    /** A successful login from this address clears its record. */
    public synchronized void succeeded(String source) {
        failures.remove(source);
    }

    /** Failures in a row currently remembered for this address. */
    public synchronized int failures(String source) {
        Failures current = failures.get(source);
        return current == null || isForgotten(current, clock.instant()) ? 0 : current.count();
    }

    Duration delayFor(int count) {
        int doublings = Math.min(count - 1, 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    private boolean isForgotten(Failures f, Instant now) {
        return !f.last().plus(forgetAfter).isAfter(now);
    }
}
