package org.gallerist.transport.ssh.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** At most {@code perHour} sign-up attempts per source address in any sliding hour. */
public final class SignupRateLimiter {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final int perHour;
    private final Map<String, Deque<Instant>> attempts = new HashMap<>();

    public SignupRateLimiter(Clock clock, int perHour) {
        this.clock = clock;
        this.perHour = perHour;
    }

    /** Counts an attempt from this address; false if the address already used up its hour. */
    public synchronized boolean tryAcquire(String source) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(WINDOW);
        if (attempts.size() > PRUNE_ABOVE) {
            attempts.values().removeIf(times -> expire(times, windowStart).isEmpty());
        }
        Deque<Instant> times = expire(attempts.computeIfAbsent(source, s -> new ArrayDeque<>()), windowStart);
        if (times.size() >= perHour) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    private static Deque<Instant> expire(Deque<Instant> times, Instant windowStart) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
            times.removeFirst();
        }
        return times;
    }
}
