package org.gallerist.transport.ssh.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    private final ManualClock clock = new ManualClock();
    private final FailureThrottle<String> throttle = new FailureThrottle<>(clock,
            new FailureThrottle.Policy(3, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMinutes(30), 4));

    @Test
    void blocksAfterTheFreeFailuresDoublingUpToTheCap() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.failed("alice"));
            assertEquals(Duration.ZERO, throttle.blockedFor("alice"));
        }
        assertEquals(Duration.ofSeconds(2), throttle.failed("alice"));
        assertEquals(Duration.ofSeconds(2), throttle.blockedFor("alice"));
        assertEquals(Duration.ofSeconds(4), throttle.failed("alice"));
        assertEquals(Duration.ofSeconds(8), throttle.failed("alice"));
        for (int i = 0; i < 10; i++) {
            throttle.failed("alice");
        }
        assertEquals(Duration.ofSeconds(60), throttle.blockedFor("alice"));
        assertEquals(Duration.ZERO, throttle.blockedFor("bob"), "other keys are not touched");
    }

    @Test
    void aBlockRunsOutAndASuccessClearsTheRecord() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice");
        }
        clock.advance(Duration.ofMillis(1500));
        assertEquals(Duration.ofMillis(500), throttle.blockedFor("alice"));
        clock.advance(Duration.ofMillis(500));
        assertEquals(Duration.ZERO, throttle.blockedFor("alice"));
        assertEquals(4, throttle.failures("alice"), "still remembered: the next failure blocks longer");
        assertEquals(Duration.ofSeconds(4), throttle.failed("alice"));
        throttle.succeeded("alice");
        assertEquals(0, throttle.failures("alice"));
    }

    @Test
    void quietKeysAreForgottenAndMemoryIsBounded() {
        throttle.failed("alice");
        clock.advance(Duration.ofMinutes(31));
        assertEquals(0, throttle.failures("alice"));
        for (String key : new String[] { "a", "b", "c", "d", "e", "f" }) {
            throttle.failed(key);
        }
        assertEquals(0, throttle.failures("a"), "the oldest went first");
        assertEquals(1, throttle.failures("f"));
    }
}
