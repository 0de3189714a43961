package org.gallerist.transport.ssh.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Connection penalties per source network, after OpenSSH's {@code PerSourcePenalties}: behaviour that only an attacker
 * needs (holding a connection until the login grace time runs out, connecting without ever trying to log in) adds
 * seconds to the source's penalty; once a penalty reaches {@code min}, new connections from the source are refused
 * until it has run down. Penalties add up to at most {@code max}. Memory is bounded by {@code maxSources}.
 */
final class SourcePenalties {

    private record Penalty(Instant until, boolean enforced) {
    }

    private final Clock clock;
    private final Duration min;
    private final Duration max;
    private final int maxSources;
    private final LinkedHashMap<SourcePrefix, Penalty> penalties = new LinkedHashMap<>();

    SourcePenalties(Clock clock, Duration min, Duration max, int maxSources) {
        this.clock = clock;
        this.min = min;
        this.max = max;
        this.maxSources = maxSources;
    }

    /** Adds {@code seconds} to the source's penalty; returns true if its connections are refused from now on. */
    synchronized boolean penalize(SourcePrefix source, Duration seconds) {
        if (seconds.isZero() || seconds.isNegative()) {
            return isRefused(source);
        }
        Instant now = clock.instant();
        Penalty previous = penalties.remove(source);
        Duration left = previous == null || !previous.until().isAfter(now) ? Duration.ZERO
                : Duration.between(now, previous.until());
        Duration total = left.plus(seconds);
        if (total.compareTo(max) > 0) {
            total = max;
        }
        boolean enforced = (previous != null && previous.enforced() && previous.until().isAfter(now))
                || total.compareTo(min) >= 0;
        penalties.put(source, new Penalty(now.plus(total), enforced));
        evictBeyondLimit(now);
        return enforced;
    }

    synchronized boolean isRefused(SourcePrefix source) {
        Penalty penalty = penalties.get(source);
        return penalty != null && penalty.enforced() && penalty.until().isAfter(clock.instant());
    }

    /** How many sources are refused right now (for the log and tests). */
    synchronized int refusedSources() {
        Instant now = clock.instant();
        return (int) penalties.values().stream().filter(p -> p.enforced() && p.until().isAfter(now)).count();
    }

    private void evictBeyondLimit(Instant now) {
        if (penalties.size() <= maxSources) {
            return;
        }
        penalties.values().removeIf(p -> !p.until().isAfter(now));
        Iterator<SourcePrefix> oldestFirst = penalties.keySet().iterator();
        while (penalties.size() > maxSources && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }
}
