package org.gallerist.transport.ssh.server.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignupRateLimiterTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void allowsTheConfiguredNumberPerHourAndAddress() {
        SignupRateLimiter limiter = new SignupRateLimiter(Clock.fixed(START, ZoneOffset.UTC), 3);
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertFalse(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.2"), "another address has its own budget");
    }

    @Test
    void theWindowSlides() {
        MovableClock clock = new MovableClock(START);
        SignupRateLimiter limiter = new SignupRateLimiter(clock, 1);
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        clock.now = START.plus(Duration.ofMinutes(59));
        assertFalse(limiter.tryAcquire("10.0.0.1"));
        clock.now = START.plus(Duration.ofMinutes(61));
        assertTrue(limiter.tryAcquire("10.0.0.1"));
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
