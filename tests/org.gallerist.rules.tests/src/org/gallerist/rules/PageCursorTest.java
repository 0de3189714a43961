package org.gallerist.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    @org.junit.jupiter.api.Test
    void roundTripsAndLooksOpaque() {
        PageCursor cursor = new PageCursor(1_764_000_000_123L, 42);
        String encoded = cursor.encode();
        assertFalse(encoded.contains("42"), encoded);
        assertEquals(cursor, PageCursor.decode(encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "???", "djE6eDo1", "djI6MTo1", "bm9uc2Vuc2U" })
    void tamperedCursorsAreRejectedClearly(String cursor) {
        GalleristException e = assertThrows(GalleristException.class, () -> PageCursor.decode(cursor));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }
}
