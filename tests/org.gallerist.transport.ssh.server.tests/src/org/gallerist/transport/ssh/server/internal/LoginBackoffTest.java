package org.gallerist.transport.ssh.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginBackoffTest {

    private final ManualClock clock = new ManualClock();
    private final LoginBackoff backoff = new LoginBackoff(clock);

    @Test
    void theDelayDoublesWithEachFailureInARowUpToTheCap() {
        assertEquals(Duration.ofMillis(500), backoff.failed("10.0.0.1"));
        assertEquals(Duration.ofSeconds(1), backoff.failed("10.0.0.1"));
        assertEquals(Duration.ofSeconds(2), backoff.failed("10.0.0.1"));
        assertEquals(Duration.ofSeconds(4), backoff.failed("10.0.0.1"));
        assertEquals(Duration.ofSeconds(8), backoff.failed("10.0.0.1"));
        assertEquals(Duration.ofSeconds(8), backoff.failed("10.0.0.1"));
        for (int i = 0; i < 100; i++) {
            backoff.failed("10.0.0.1");
        }
        assertEquals(Duration.ofSeconds(8), backoff.failed("10.0.0.1"), "no overflow after many failures");
    }

    @Test
    void addressesAreCountedSeparately() {
        backoff.failed("10.0.0.1");
        backoff.failed("10.0.0.1");
        assertEquals(Duration.ofMillis(500), backoff.failed("10.0.0.2"));
        assertEquals(2, backoff.failures("10.0.0.1"));
    }

    @Test
    void aSuccessStartsAfresh() {
        backoff.failed("10.0.0.1");
        backoff.failed("10.0.0.1");
        backoff.succeeded("10.0.0.1");
        assertEquals(0, backoff.failures("10.0.0.1"));
        assertEquals(Duration.ofMillis(500), backoff.failed("10.0.0.1"));
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        backoff.failed("10.0.0.1");
        backoff.failed("10.0.0.1");
        clock.advance(LoginBackoff.FORGET_AFTER.minusSeconds(1));
        assertEquals(Duration.ofSeconds(2), backoff.failed("10.0.0.1"), "still remembered just before");
        clock.advance(LoginBackoff.FORGET_AFTER);
        assertEquals(0, backoff.failures("10.0.0.1"));
        assertEquals(Duration.ofMillis(500), backoff.failed("10.0.0.1"));
    }
}
