package org.gallerist.spi.storage;

import java.math.BigDecimal;

/** What a seller sold on one UTC day ({@code epochDay} days after 1970-01-01): units, revenue, orders. */
public record DaySales(long epochDay, long units, BigDecimal revenue, long orders) {
    public DaySales plus(DaySales other) {
        return new DaySales(epochDay, units + other.units, revenue.add(other.revenue), orders + other.orders);
    }
}
