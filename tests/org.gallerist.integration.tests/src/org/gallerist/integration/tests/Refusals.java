package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.junit.jupiter.api.function.Executable;

/** A refused request as a user sees it: the expected code and a message for people, with no exception or SQL in it. */
final class Refusals {

    private Refusals() {
    }

    static GalleristException assertFails(ErrorCode expected, Executable action) {
        GalleristException e = assertThrows(GalleristException.class, action);
        assertEquals(expected, e.code(), e.getMessage());
        assertFalse(e.getMessage().isBlank(), "a refusal says why");
        assertFalse(e.getMessage().contains("Exception") || e.getMessage().contains("SQL"),
                "no exception names or SQL for users: " + e.getMessage());
        return e;
    }
}
