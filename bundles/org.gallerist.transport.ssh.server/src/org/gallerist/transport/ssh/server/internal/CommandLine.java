package org.gallerist.transport.ssh.server.internal;

import java.util.ArrayList;
import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/**
 * Splits an exec command line into words the way a POSIX shell would, without expanding anything:
 * whitespace separates words, {@code '...'} is literal, {@code "..."} allows {@code \"} and {@code \\},
 * a backslash outside quotes escapes the next character, and adjacent pieces join ({@code a'b'"c"} is {@code abc}).
 */
public final class CommandLine {

    private CommandLine() {
    }

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            switch (c) {
            case '\'' -> {
                int end = line.indexOf('\'', i);
                if (end < 0) {
                    throw invalid("The command has an unterminated ' quote.");
                }
                word.append(line, i, end);
                i = end + 1;
            }
            case '"' -> i = readDoubleQuoted(line, i, word);
            case '\\' -> {
                if (i >= line.length()) {
                    throw invalid("The command ends with a lone backslash.");
                }
                word.append(line.charAt(i++));
            }
            default -> word.append(c);
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Reads up to the closing quote; returns the index after it. */
    private static int readDoubleQuoted(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '\\')) {
                word.append(line.charAt(i++));
            } else {
                word.append(c);
            }
        }
        throw invalid("The command has an unterminated \" quote.");
    }

    private static GalleristException invalid(String message) {
        return new GalleristException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
