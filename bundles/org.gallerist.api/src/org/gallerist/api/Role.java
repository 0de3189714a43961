package org.gallerist.api;

import java.util.Locale;

/** What an account may do. Accounts are created {@link #USER}s; an admin makes others admins. */
public enum Role {
    ADMIN, USER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
