package org.gallerist.core.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher fast = new PasswordHasher(1_000);

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = fast.hash("correct horse".toCharArray());
        assertTrue(fast.verify("correct horse".toCharArray(), hash));
        assertFalse(fast.verify("correct horsE".toCharArray(), hash));
        assertFalse(fast.verify("".toCharArray(), hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(fast.hash("same".toCharArray()), fast.hash("same".toCharArray()));
    }

    @Test
    void storesSchemeAndIterationsAndUsesTheStoredCount() {
        String hash = fast.hash("pw-123456".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha256$1000$"), hash);
        // a hasher configured differently still verifies old hashes with their own count
        assertTrue(new PasswordHasher(2_000).verify("pw-123456".toCharArray(), hash));
    }

    @Test
    void theDefaultIsSlow() {
        String hash = new PasswordHasher().hash("pw-123456".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha256$600000$"), hash);
    }

    @Test
    void malformedHashesNeverMatch() {
        for (String bad : new String[] { null, "", "plain", "pbkdf2-sha256$x$y$z", "md5$1$AA$AA",
                "pbkdf2-sha256$0$AAAA$AAAA" }) {
            assertFalse(fast.verify("anything".toCharArray(), bad), String.valueOf(bad));
        }
    }
}
