package org.gallerist.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void usesTheServerMessage() {
        assertEquals("That name is taken.",
                ErrorMessages.readable(new GalleristException(ErrorCode.USER_EXISTS, " That name is taken. ")));
    }

    @Test
    void fallsBackToTheCode() {
        assertEquals("The user name or password is wrong.",
                ErrorMessages.readable(new GalleristException(ErrorCode.UNAUTHORIZED, "")));
    }

    @Test
    void unexpectedFailuresShowNoDetails() {
        String text = ErrorMessages.readable(new IllegalStateException("at org.example.Foo.bar(Foo.java:12)"));
        assertFalse(text.contains("Foo.java"));
        assertFalse(text.contains("\n"));
    }
}
