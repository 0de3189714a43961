package org.gallerist.api.order;

import java.util.Locale;

/** How {@link OrderService#salesTotals} groups a seller's sales. */
public enum SalesGrouping {
    /** Per UTC day, newest first. */
    DAY,
    /** Per ISO week (Monday to Sunday, UTC), newest first. */
    WEEK,
    /** Per calendar month (UTC), newest first. */
    MONTH,
    /** Per image, the highest revenue first. */
    IMAGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
