package org.gallerist.api;

import java.util.Locale;

/** What an account may do. The first account created is the {@link #ADMIN}. */
public enum Role {
    ADMIN, USER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
