package org.gallerist.client.core.cart;

import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

import org.gallerist.api.order.Order;

/** How a checkout ended, for the user. */
public sealed interface CheckoutResult {

    /** What to tell the user: the order placed, the lines short of stock, or what failed. */
    default String summary() {
        return switch (this) {
            case Placed placed -> (placed.recovered()
                    ? "Your earlier checkout had gone through: order #" : "Thank you! Order #")
                    + placed.order().id() + " placed: " + placed.order().lines().stream()
                            .map(line -> line.quantity() + " \u00d7 '" + line.name() + "'")
                            .collect(Collectors.joining(", "))
                    + "; total " + placed.order().total().setScale(2, RoundingMode.HALF_UP).toPlainString() + ".";
            case Short short_ -> short_.lines().isEmpty() ? short_.message()
                    : "Nothing was bought: not enough in stock for "
                            + short_.lines().stream().map(ShortLine::describe).collect(Collectors.joining("; "))
                            + ". Lower the quantities in red and check out again.";
            case Failed failed -> failed.message();
        };
    }

    /** Whether nothing was bought. */
    default boolean isProblem() {
        return !(this instanceof Placed);
    }

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
