package org.gallerist.api.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A placed order: all its lines were bought together, or none was. */
public record Order(long id, String buyer, Instant placed, List<OrderLine> lines) {
    public Order {
        lines = List.copyOf(lines);
    }

    public BigDecimal total() {
        return lines.stream().map(OrderLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
