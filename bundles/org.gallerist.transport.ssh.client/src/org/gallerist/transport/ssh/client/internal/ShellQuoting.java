package org.gallerist.transport.ssh.client.internal;

import java.util.List;
import java.util.regex.Pattern;

/** Joins words into one exec command line that the server (and any POSIX shell) splits back into the same words. */
final class ShellQuoting {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    private ShellQuoting() {
    }

    static String join(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(quote(word));
        }
        return line.toString();
    }

    static String quote(String word) {
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
