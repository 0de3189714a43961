package org.gallerist.core.account;

import java.util.Set;
import java.util.regex.Pattern;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.rules.TextLimits;

/** The syntax of account names: 1–32 of {@code [a-z0-9._-]}, starting with a letter. */
public final class Usernames {

    /** The SSH user that may only create accounts. */
    public static final String SIGNUP_USER = "signup";

    private static final Pattern SYNTAX = Pattern.compile("[a-z][a-z0-9._-]{0," + (TextLimits.USERNAME - 1) + "}");
    private static final Set<String> RESERVED = Set.of(SIGNUP_USER, "root");

    private Usernames() {
    }

    public static boolean isValid(String name) {
        return name != null && SYNTAX.matcher(name).matches();
    }

    /** Returns the name if it may be used for a new account, else throws {@code invalid_argument}. */
    public static String requireValidNew(String name) {
        if (name == null || name.isEmpty()) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "A username is required.");
        }
        if (name.length() > TextLimits.USERNAME) {
            throw TextLimits.tooLong("username", TextLimits.USERNAME, "The username '" + printable(name) + "' has "
                    + name.length() + " characters; the limit is " + TextLimits.USERNAME + ".");
        }
        if (!isValid(name)) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "Invalid username '" + printable(name)
                    + "': use 1 to " + TextLimits.USERNAME + " of a-z, 0-9, '.', '_' or '-', starting with a letter.");
        }
        if (RESERVED.contains(name)) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "The username '" + name + "' is reserved.");
        }
        return name;
    }

    private static String printable(String text) {
        String shortened = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
