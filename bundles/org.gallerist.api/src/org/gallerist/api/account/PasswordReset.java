package org.gallerist.api.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A pending password reset as the admin who made it sees it: the one-time token to hand to the user, shown this
 * once (the server keeps only its hash), and when it stops working.
 */
public record PasswordReset(String user, String token, Instant expires) {
    public PasswordReset {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expires, "expires");
    }
}
