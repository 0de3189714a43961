package org.gallerist.transport.ssh.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The delay before a wrong password is answered: a {@link FailureThrottle} with no free failures. */
class AnswerDelayTest {

    private final ManualClock clock = new ManualClock();
    private final FailureThrottle<SourcePrefix> backoff = PasswordThrottle.answerDelay(clock);

    @Test
    void theDelayDoublesWithEachFailureInARowUpToTheCap() {
        assertEquals(Duration.ofMillis(500), backoff.failed(new SourcePrefix("10.0.0.1")));
        assertEquals(Duration.ofSeconds(1), backoff.failed(new SourcePrefix("10.0.0.1")));
        assertEquals(Duration.ofSeconds(2), backoff.failed(new SourcePrefix("10.0.0.1")));
        assertEquals(Duration.ofSeconds(4), backoff.failed(new SourcePrefix("10.0.0.1")));
        assertEquals(Duration.ofSeconds(8), backoff.failed(new SourcePrefix("10.0.0.1")));
        assertEquals(Duration.ofSeconds(8), backoff.failed(new SourcePrefix("10.0.0.1")));
        for (int i = 0; i < 100; i++) {
            backoff.failed(new SourcePrefix("10.0.0.1"));
        }
        assertEquals(Duration.ofSeconds(8), backoff.failed(new SourcePrefix("10.0.0.1")), "no overflow after many failures");
    }

    @Test
    void addressesAreCountedSeparately() {
        backoff.failed(new SourcePrefix("10.0.0.1"));
        backoff.failed(new SourcePrefix("10.0.0.1"));
        assertEquals(Duration.ofMillis(500), backoff.failed(new SourcePrefix("10.0.0.2")));
        assertEquals(2, backoff.failures(new SourcePrefix("10.0.0.1")));
    }

    @Test
    void aSuccessStartsAfresh() {
        backoff.failed(new SourcePrefix("10.0.0.1"));
        backoff.failed(new SourcePrefix("10.0.0.1"));
        backoff.succeeded(new SourcePrefix("10.0.0.1"));
        assertEquals(0, backoff.failures(new SourcePrefix("10.0.0.1")));
        assertEquals(Duration.ofMillis(500), backoff.failed(new SourcePrefix("10.0.0.1")));
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        backoff.failed(new SourcePrefix("10.0.0.1"));
        backoff.failed(new SourcePrefix("10.0.0.1"));
        clock.advance(PasswordThrottle.ANSWER_DELAY_FORGET_AFTER.minusSeconds(1));
        assertEquals(Duration.ofSeconds(2), backoff.failed(new SourcePrefix("10.0.0.1")), "still remembered just before");
        clock.advance(PasswordThrottle.ANSWER_DELAY_FORGET_AFTER);
        assertEquals(0, backoff.failures(new SourcePrefix("10.0.0.1")));
        assertEquals(Duration.ofMillis(500), backoff.failed(new SourcePrefix("10.0.0.1")));
    }
}
