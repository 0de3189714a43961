package org.gallerist.client.core.cart;

import java.util.List;

import org.gallerist.api.GalleristException;
import org.gallerist.api.order.Shortfall;

/** A line the server could not fill: how many were asked for and how many it has. */
public record ShortLine(long imageId, String name, int stock, int asked) {

    /** The short lines an {@code insufficient_stock} error names in its details; empty for any other error. */
    public static List<ShortLine> of(GalleristException error) {
        return Shortfall.of(error).stream()
                .map(line -> new ShortLine(line.image(), line.name(), line.available(), line.requested())).toList();
    }

    /** "'Rocket': 1 in stock, 2 in the cart". */
    public String describe() {
        return "'" + name + "': " + (stock == 0 ? "sold out" : stock + " in stock") + ", " + asked + " in the cart";
    }
}
