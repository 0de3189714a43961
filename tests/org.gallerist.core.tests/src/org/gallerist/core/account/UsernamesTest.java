package org.gallerist.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gallerist.api.ErrorCode;
import java.util.Map;

import org.gallerist.api.GalleristException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernamesTest {

    @ParameterizedTest
    @ValueSource(strings = { "a", "alice", "bob.smith", "c_3-po", "abcdefghijabcdefghijabcdefghijab" })
    void acceptsNamesOfTheDocumentedSyntax(String name) {
        assertEquals(name, Usernames.requireValidNew(name));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Alice", "1alice", ".alice", "al ice", "alice!", "ålice", "alice\n" })
    void rejectsEverythingElse(String name) {
        GalleristException e = assertThrows(GalleristException.class, () -> Usernames.requireValidNew(name));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertFalse(e.getMessage().contains("\n"), "the message must stay on one line");
    }

    @Test
    void aNameOverThirtyTwoCharactersIsTooLongAndSaysTheLimit() {
        GalleristException e = assertThrows(GalleristException.class,
                () -> Usernames.requireValidNew("abcdefghijabcdefghijabcdefghijabc"));
        assertEquals(ErrorCode.TOO_LONG, e.code());
        assertEquals(Map.of("limit", "username", "max", 32), e.details());
        assertTrue(e.getMessage().contains("33 characters; the limit is 32"), e.getMessage());
    }

    @Test
    void theSignupLoginIsReserved() {
        assertTrue(Usernames.isValid(Usernames.SIGNUP_USER));
        GalleristException e = assertThrows(GalleristException.class, () -> Usernames.requireValidNew("signup"));
        assertTrue(e.getMessage().contains("reserved"));
    }
}
