package org.gallerist.client.core.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderLine;

/** How the Orders part words an order and its lines: dates in the user's zone, amounts with two places. */
public final class OrderRows {
    private static final DateTimeFormatter PLACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ZoneId zone;

    public OrderRows(ZoneId zone) {
        this.zone = zone;
    }

    public String placed(Order order) {
        return placed(order.placed());
    }

    public String placed(Instant instant) {
        return PLACED.format(instant.atZone(zone));
    }

    /** "3 items in 2 lines". */
    public static String items(Order order) {
        int units = order.lines().stream().mapToInt(OrderLine::quantity).sum();
        int lines = order.lines().size();
        return units + (units == 1 ? " item" : " items") + (lines == 1 ? "" : " in " + lines + " lines");
    }

    public static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** "Poster by sara". */
    public static String line(OrderLine line) {
        return line.name() + " by " + line.seller();
    }
}
