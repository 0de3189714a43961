package org.gallerist.client.core.account;

import java.util.Arrays;
import java.util.Optional;

/**
 * The checks of the "change password" form before it is sent. How strong a password must be is the server's rule
 * (it answers {@code weak_password}); the form only catches what needs no server.
 */
public final class NewPasswordForm {
    /** The server's limit too. */
    public static final int MAX_LENGTH = 1024;

    private NewPasswordForm() {
    }

    /**
     * The first problem of the form.
     *
     * @param current the current password, or null where the form does not ask for it (after a reset the token the
     *                user logged in with proves it)
     */
    public static Optional<String> check(char[] current, char[] next, char[] repeated) {
        if (current != null && current.length == 0) {
            return Optional.of("Enter your current password.");
        }
        if (next.length == 0) {
            return Optional.of("Enter the new password.");
        }
        if (next.length > MAX_LENGTH) {
            return Optional.of("A password has at most " + MAX_LENGTH + " characters.");
        }
        if (new String(next).contains("\n") || new String(next).contains("\r")) {
            return Optional.of("A password cannot contain a line break.");
        }
        if (!Arrays.equals(next, repeated)) {
            return Optional.of("The two new passwords differ.");
        }
        if (current != null && Arrays.equals(current, next)) {
            return Optional.of("The new password is the same as the current one.");
        }
        return Optional.empty();
    }
}
