package org.gallerist.core.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordsTest {

    @ParameterizedTest
    @ValueSource(strings = { "", "short", "1234567", "aaaaaaaaaaaa", "alice" })
    void weakPasswordsAreRejected(String password) {
        GalleristException e = assertThrows(GalleristException.class,
                () -> Passwords.requireStrong("alice", password.toCharArray()));
        assertEquals(ErrorCode.WEAK_PASSWORD, e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = { "correct horse", "s3cret-pw", "12345678" })
    void reasonablePasswordsPass(String password) {
        assertDoesNotThrow(() -> Passwords.requireStrong("alice", password.toCharArray()));
    }

    @org.junit.jupiter.api.Test
    void aPasswordOverTheLimitIsTooLong() {
        assertDoesNotThrow(() -> Passwords.requireStrong("alice", ("ab1" + "x".repeat(1021)).toCharArray()));
        GalleristException e = assertThrows(GalleristException.class,
                () -> Passwords.requireStrong("alice", ("ab1" + "x".repeat(1022)).toCharArray()));
        assertEquals(ErrorCode.TOO_LONG, e.code());
        assertEquals(java.util.Map.of("limit", "password", "max", 1024), e.details());
    }

    @org.junit.jupiter.api.Test
    void theUsernameIsNotAPassword() {
        assertThrows(GalleristException.class, () -> Passwords.requireStrong("alice123", "ALICE123".toCharArray()));
    }
}
