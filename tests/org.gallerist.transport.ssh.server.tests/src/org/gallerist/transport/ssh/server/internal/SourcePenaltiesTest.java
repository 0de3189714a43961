package org.gallerist.transport.ssh.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SourcePenaltiesTest {

    private final ManualClock clock = new ManualClock();
    private final SourcePenalties penalties = new SourcePenalties(clock, Duration.ofSeconds(15),
            Duration.ofSeconds(60), 100);
    private final SourcePrefix attacker = new SourcePrefix("192.0.2.7");

    @Test
    void penaltiesAddUpAndAreEnforcedFromTheMinimumOn() {
        assertFalse(penalties.penalize(attacker, Duration.ofSeconds(10)));
        assertFalse(penalties.isRefused(attacker), "one grace timeout alone is not enough");
        assertTrue(penalties.penalize(attacker, Duration.ofSeconds(10)));
        assertTrue(penalties.isRefused(attacker));
        assertFalse(penalties.isRefused(new SourcePrefix("192.0.2.8")));
        assertEquals(1, penalties.refusedSources());
    }

    @Test
    void aPenaltyRunsDownAndIsCapped() {
        for (int i = 0; i < 20; i++) {
            penalties.penalize(attacker, Duration.ofSeconds(10));
        }
        clock.advance(Duration.ofSeconds(59));
        assertTrue(penalties.isRefused(attacker), "capped at 60 s, not 200 s");
        clock.advance(Duration.ofSeconds(2));
        assertFalse(penalties.isRefused(attacker));
    }

    @Test
    void penaltiesBelowTheMinimumRunDownUnenforced() {
        penalties.penalize(attacker, Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        assertFalse(penalties.penalize(attacker, Duration.ofSeconds(10)), "the first ten seconds ran down");
    }
}
