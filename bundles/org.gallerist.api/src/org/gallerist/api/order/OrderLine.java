package org.gallerist.api.order;

import java.math.BigDecimal;

/** One bought line, with the name and price as they were at purchase time. */
public record OrderLine(long image, String name, String seller, int quantity, BigDecimal unitPrice) {
    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
