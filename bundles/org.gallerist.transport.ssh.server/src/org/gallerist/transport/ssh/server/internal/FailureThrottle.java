package org.gallerist.transport.ssh.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts failures per key (an account, a source network) and blocks the key as its {@link Policy} says. A blocked
 * key is refused without being tried. A success clears the key. Memory is bounded: beyond the policy's
 * {@code maxKeys} the oldest records go first.
 */
final class FailureThrottle<K> {

    /**
     * After {@code free} failures in a row a key is blocked for {@code base}, doubling with each further failure up
     * to {@code cap}; a key quiet for {@code forgetAfter} is forgotten; at most {@code maxKeys} keys are remembered.
     */
    record Policy(int free, Duration base, Duration cap, Duration forgetAfter, int maxKeys) {
    }

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final Clock clock;
    private final Policy policy;
    private final LinkedHashMap<K, Failures> failures = new LinkedHashMap<>(16, 0.75f, true);

    FailureThrottle(Clock clock, Policy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    /** How much longer the key is refused; zero when it may be tried. */
    synchronized Duration blockedFor(K key) {
        Failures current = failures.get(key);
        Instant now = clock.instant();
        if (current == null || isForgotten(current, now) || !current.blockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, current.blockedUntil());
    }

    /** Records a failure; returns how long the key is now refused (zero while it has free failures left). */
    synchronized Duration failed(K key) {
        Instant now = clock.instant();
        Failures previous = failures.get(key);
        int count = previous == null || isForgotten(previous, now) ? 1 : previous.count() + 1;
        Duration block = count <= policy.free() ? Duration.ZERO : blockAfter(count - policy.free());
        failures.put(key, new Failures(count, now, now.plus(block)));
        evictBeyondLimit(now);
        return block;
    }

    synchronized void succeeded(K key) {
        failures.remove(key);
    }

    synchronized int failures(K key) {
        Failures current = failures.get(key);
        return current == null || isForgotten(current, clock.instant()) ? 0 : current.count();
    }

    Duration blockAfter(int blockedFailures) {
        int doublings = Math.min(blockedFailures - 1, 30);
        Duration block = policy.base().multipliedBy(1L << doublings);
        return block.compareTo(policy.cap()) > 0 ? policy.cap() : block;
    }

    private void evictBeyondLimit(Instant now) {
        if (failures.size() <= policy.maxKeys()) {
            return;
        }
        failures.values().removeIf(f -> isForgotten(f, now));
        Iterator<Map.Entry<K, Failures>> oldestFirst = failures.entrySet().iterator();
        while (failures.size() > policy.maxKeys() && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    private boolean isForgotten(Failures f, Instant now) {
        return !f.last().plus(policy.forgetAfter()).isAfter(now) && !f.blockedUntil().isAfter(now);
    }
}
