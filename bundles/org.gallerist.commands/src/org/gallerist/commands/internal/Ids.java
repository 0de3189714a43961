package org.gallerist.commands.internal;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/** Image ids as users type them: {@code 12} or {@code #12}, and only positive. */
final class Ids {

    private Ids() {
    }

    static long parse(String text) {
        Object id = tryParse(text);
        if (id instanceof Long number) {
            return check(number);
        }
        throw invalid(text);
    }

    /** The id as a number if the word is one, else the word itself (for a result line that names it). */
    static Object tryParse(String text) {
        String digits = text.startsWith("#") ? text.substring(1) : text;
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    static long check(long id) {
        if (id <= 0) {
            throw invalid(String.valueOf(id));
        }
        return id;
    }

    private static GalleristException invalid(String text) {
        return new GalleristException(ErrorCode.INVALID_ARGUMENT, "Invalid image id '" + shorten(text) + "'.");
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 30 ? clean.substring(0, 30) + "..." : clean;
    }
}
