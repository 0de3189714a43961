package org.gallerist.client.core.cart;

import java.util.List;

import org.gallerist.api.order.Order;

/** How a checkout ended, for the user. */
public sealed interface CheckoutResult {

    /**
     * The order was placed; the cart was emptied.
     *
     * @param recovered true when this is an earlier checkout whose answer had been lost, found on the server
     */
    record Placed(Order order, boolean recovered) implements CheckoutResult {
    }

    /** Nothing was bought because these lines ask for more than is in stock; the cart's stock is refreshed. */
    record Short(List<ShortLine> lines, String message) implements CheckoutResult {
        public Short {
            lines = List.copyOf(lines);
        }
    }

    /** Nothing was bought (or, after a lost connection, it is not known yet); the message says which. */
    record Failed(String message) implements CheckoutResult {
    }
}
