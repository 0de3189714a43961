package org.gallerist.api;

import java.time.Instant;
import java.util.Objects;

/** An account as the rest of the system sees it: never carries the password hash. */
public record User(String name, Role role, boolean disabled, Instant created) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
