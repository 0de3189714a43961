package org.gallerist.client.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class NewPasswordFormTest {

    private static Optional<String> check(String current, String next, String repeated) {
        return NewPasswordForm.check(current == null ? null : current.toCharArray(), next.toCharArray(),
                repeated.toCharArray());
    }

    @Test
    void saysTheFirstProblem() {
        assertEquals(Optional.of("Enter your current password."), check("", "new-secret-1", "new-secret-1"));
        assertEquals(Optional.of("Enter the new password."), check("old-secret", "", ""));
        assertEquals(Optional.of("The two new passwords differ."), check("old-secret", "new-secret-1", "new-secret-2"));
        assertEquals(Optional.of("The new password is the same as the current one."),
                check("same-secret", "same-secret", "same-secret"));
        assertEquals(Optional.of("A password cannot contain a line break."), check(null, "two\nlines", "two\nlines"));
        String tooLong = "x".repeat(NewPasswordForm.MAX_LENGTH + 1);
        assertEquals(Optional.of("A password has at most 1024 characters."), check(null, tooLong, tooLong));
    }

    @Test
    void afterAResetNoCurrentPasswordIsAsked() {
        assertEquals(Optional.empty(), check(null, "new-secret-1", "new-secret-1"));
        assertEquals(Optional.empty(), check("old-secret", "new-secret-1", "new-secret-1"));
    }
}
