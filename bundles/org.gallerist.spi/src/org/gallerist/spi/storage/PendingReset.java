package org.gallerist.spi.storage;

import java.time.Instant;
import java.util.Objects;

/** A stored password reset: the hash of its one-time token and when the token stops working. */
public record PendingReset(String tokenHash, Instant expires) {
    public PendingReset {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(expires, "expires");
    }
}
