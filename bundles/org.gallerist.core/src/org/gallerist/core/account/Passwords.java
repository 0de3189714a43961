package org.gallerist.core.account;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.rules.TextLimits;

/** What a new password must satisfy. */
public final class Passwords {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = TextLimits.PASSWORD;

    private Passwords() {
    }

    public static void requireStrong(String username, char[] password) {
        if (password == null || password.length == 0) {
            throw new GalleristException(ErrorCode.WEAK_PASSWORD, "A password is required.");
        }
        if (password.length < MIN_LENGTH) {
            throw new GalleristException(ErrorCode.WEAK_PASSWORD,
                    "The password is too short: use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length > MAX_LENGTH) {
            throw TextLimits.tooLong("password", MAX_LENGTH,
                    "The password is too long: use at most " + MAX_LENGTH + " characters.");
        }
        if (new String(password).equalsIgnoreCase(username)) {
            throw new GalleristException(ErrorCode.WEAK_PASSWORD, "The password must not be the username.");
        }
        if (new String(password).chars().distinct().count() < 3) {
            throw new GalleristException(ErrorCode.WEAK_PASSWORD,
                    "The password is too simple: use at least three different characters.");
        }
    }
}
