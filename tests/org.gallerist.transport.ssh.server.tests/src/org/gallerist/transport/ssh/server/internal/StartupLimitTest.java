package org.gallerist.transport.ssh.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class StartupLimitTest {

    @Test
    void parsesOpenSshSyntax() {
        assertEquals(new StartupLimit(10, 30, 100), StartupLimit.parse("10:30:100"));
        assertEquals(new StartupLimit(50, 100, 50), StartupLimit.parse(" 50 "));
        assertThrows(IllegalArgumentException.class, () -> StartupLimit.parse("10:30"));
        assertThrows(IllegalArgumentException.class, () -> StartupLimit.parse("100:30:10"));
        assertThrows(IllegalArgumentException.class, () -> StartupLimit.parse("a:b:c"));
    }

    @Test
    void dropsNothingBelowStartEverythingAtFullAndAboutRateInBetween() {
        StartupLimit limit = new StartupLimit(10, 30, 110);
        Random random = new Random(42);
        assertFalse(limit.drops(9, random));
        assertTrue(limit.drops(110, random));
        int dropped = 0;
        for (int i = 0; i < 10_000; i++) {
            dropped += limit.drops(10, random) ? 1 : 0;
        }
        assertTrue(dropped > 2_700 && dropped < 3_300, "about 30% at start: " + dropped);
        dropped = 0;
        for (int i = 0; i < 10_000; i++) {
            dropped += limit.drops(60, random) ? 1 : 0;
        }
        assertTrue(dropped > 6_200 && dropped < 6_800, "about 65% half way: " + dropped);
    }
}
