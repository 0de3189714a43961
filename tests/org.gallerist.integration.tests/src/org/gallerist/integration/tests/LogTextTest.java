package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gallerist.api.log.LogText;
import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void plainTextIsOnlyQuoted() {
        assertEquals("\"alice\"", LogText.quote("alice"));
        assertEquals("\"Zoë 東京 🙂\"", LogText.quote("Zoë 東京 🙂"));
        assertEquals("null", LogText.quote(null));
    }

    @Test
    void lineBreaksControlsQuotesAndBidiOverridesAreEscaped() {
        assertEquals("\"a\\nb\\rc\\td\"", LogText.quote("a\nb\rc\td"));
        assertEquals("\"say \\\"hi\\\" \\\\ bye\"", LogText.quote("say \"hi\" \\ bye"));
        assertEquals("\"\\u0000\\u001b[31m\\u007f\\u0085\\u2028\\u2029\\u202e\"",
                LogText.quote("\u0000\u001b[31m\u007f\u0085\u2028\u2029\u202e"));
        assertEquals("\"\\ud800x\"", LogText.quote("\ud800x"), "a lone surrogate");
    }

    @Test
    void longTextIsCutAndSaysHowLongItWas() {
        String quoted = LogText.quote("x".repeat(5000));
        assertEquals("\"" + "x".repeat(LogText.MAX_LENGTH) + "\"... (5000 characters)", quoted);
        assertFalse(LogText.quote("\n".repeat(5000)).contains("\n"));
        assertTrue(LogText.quote("\n".repeat(5000)).length() < 3 * LogText.MAX_LENGTH);
    }
}
