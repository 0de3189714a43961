package org.gallerist.commands.internal;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/** Image ids as users type them: {@code 12} or {@code #12}. */
final class Ids {

    private Ids() {
    }

    static long parse(String text) {
        String digits = text.startsWith("#") ? text.substring(1) : text;
        try {
            long id = Long.parseLong(digits);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "Invalid image id '" + shorten(text) + "'.");
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 30 ? clean.substring(0, 30) + "..." : clean;
    }
}
