package org.gallerist.transport.ssh.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @Test
    void wordsAreSeparatedByAnyRunOfWhitespace() {
        assertEquals(List.of("keys", "remove", "SHA256:abc"), CommandLine.split("  keys \t remove\nSHA256:abc  "));
    }

    @Test
    void anEmptyLineHasNoWords() {
        assertEquals(List.of(), CommandLine.split(""));
        assertEquals(List.of(), CommandLine.split("   "));
    }

    @Test
    void singleQuotesKeepEverythingLiterally() {
        assertEquals(List.of("signup", "Bad Name"), CommandLine.split("signup 'Bad Name'"));
        assertEquals(List.of("a \\\"b\" $c"), CommandLine.split("'a \\\"b\" $c'"));
    }

    @Test
    void doubleQuotesAllowEscapedQuotesAndBackslashes() {
        assertEquals(List.of("say \"hi\" \\ now"), CommandLine.split("\"say \\\"hi\\\" \\\\ now\""));
        assertEquals(List.of("keep\\n"), CommandLine.split("\"keep\\n\""), "other escapes stay as written");
    }

    @Test
    void aBackslashOutsideQuotesEscapesTheNextCharacter() {
        assertEquals(List.of("a b", "c'd"), CommandLine.split("a\\ b c\\'d"));
    }

    @Test
    void adjacentPiecesJoinIntoOneWord() {
        assertEquals(List.of("abc", "x y"), CommandLine.split("a'b'\"c\" x' 'y"));
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
        assertEquals(List.of("images", "", "tag"), CommandLine.split("images '' tag"));
        assertEquals(List.of(""), CommandLine.split("\"\""));
    }

    @Test
    void whatTheClientQuotesComesBackUnchanged() {
        // the client quotes with '...' and writes a quote as '\''
        assertEquals(List.of("it's", "two words"), CommandLine.split("'it'\\''s' 'two words'"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "signup 'alice", "say \"hi", "trailing\\", "\"unfinished \\\"" })
    void brokenQuotingIsAnInvalidArgument(String line) {
        GalleristException e = assertThrows(GalleristException.class, () -> CommandLine.split(line));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }
}
