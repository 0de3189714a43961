package org.gallerist.server.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * The console's format ({@code logging.properties}), for the log file, where each entry must be one line that
 * nobody can forge: line breaks inside a message — our lines quote client text with LogText, but Mina's and
 * DJL's do not — become {@code \n}, and each line of a stack trace starts with a tab, so no line but an entry's
 * first can begin with a date.
 */
final class LogFileFormatter extends Formatter {

    static final String FORMAT = "%1$tF %1$tT.%1$tL %2$s [%3$s] %4$s%5$s%n";

    @Override
    public String format(LogRecord record) {
        ZonedDateTime time = ZonedDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault());
        String thrown = "";
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            try (PrintWriter out = new PrintWriter(trace)) {
                record.getThrown().printStackTrace(out);
            }
            thrown = "\n\t" + trace.toString().stripTrailing().replaceAll("\\R", "\n\t");
        }
        return String.format(FORMAT, time, record.getLevel().getName(), oneLine(record.getLoggerName()),
                oneLine(formatMessage(record)), thrown);
    }

    /** CR, LF, NEL and the Unicode line and paragraph separators as escapes; other text as it is. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\u000b', '\u000c', '\u0085', '\u2028', '\u2029' -> String.format("\\u%04x", (int) c);
            default -> null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
