package org.gallerist.api.log;

/**
 * Client-sent text (usernames, tags, file names, command lines) as it may appear in a log line: in double quotes,
 * with line breaks, other control and format characters, quotes and backslashes escaped, and cut after
 * {@link #MAX_LENGTH} characters. Nobody can then end a log entry early and forge the next one, nor hide text
 * with bidirectional overrides, nor fill the log with one huge name. Use it as an SLF4J argument:
 * {@code LOG.info("Wrong password for {}", LogText.quote(username))}.
 */
public final class LogText {

    /** Characters (code points) of the original kept before the rest is cut. */
    public static final int MAX_LENGTH = 200;

    private LogText() {
    }

    /** @return {@code text} quoted and escaped, or {@code null} (unquoted) for {@code null} */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 2).append('"');
        int kept = 0;
        int i = 0;
        while (i < text.length()) {
            if (kept == MAX_LENGTH) {
                return out.append("\"... (").append(text.codePointCount(0, text.length())).append(" characters)")
                        .toString();
            }
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            kept++;
            switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            default -> {
                if (needsEscape(c)) {
                    out.append(c <= 0xFFFF ? String.format("\\u%04x", c) : String.format("\\u{%x}", c));
                } else {
                    out.appendCodePoint(c);
                }
            }
            }
        }
        return out.append('"').toString();
    }

    /** Controls (C0, DEL, C1 incl. NEL), line and paragraph separators, format characters (bidi), lone surrogates. */
    private static boolean needsEscape(int c) {
        if (Character.isISOControl(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
        case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.FORMAT, Character.SURROGATE,
                Character.UNASSIGNED, Character.PRIVATE_USE -> true;
        default -> false;
        };
    }
}
