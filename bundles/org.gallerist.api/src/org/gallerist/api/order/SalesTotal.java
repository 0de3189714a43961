package org.gallerist.api.order;

import java.math.BigDecimal;

/**
 * What a seller sold in one period or of one image: units, revenue (at the prices paid) and how many orders.
 * A period total has {@code period} ({@code 2026-12-07}, {@code 2026-W49} or {@code 2026-12}, in UTC) and
 * {@code start}, its first day; an image total has {@code image} and {@code name}, as the last order recorded it.
 */
public record SalesTotal(String period, String start, Long image, String name, long units, BigDecimal revenue,
        long orders) {

    public static SalesTotal ofPeriod(String period, String start, long units, BigDecimal revenue, long orders) {
        return new SalesTotal(period, start, null, null, units, revenue, orders);
    }

    public static SalesTotal ofImage(long image, String name, long units, BigDecimal revenue, long orders) {
        return new SalesTotal(null, null, image, name, units, revenue, orders);
    }
}
