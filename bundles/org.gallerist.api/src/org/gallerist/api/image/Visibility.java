package org.gallerist.api.image;

import java.util.Locale;

/** Public images are visible to every logged-in user; private ones to their owner (and admins) only. */
public enum Visibility {
    PUBLIC, PRIVATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
