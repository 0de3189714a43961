package org.gallerist.client.core.cart;

/** What became of adding one more of an image to the cart. */
public sealed interface AddOutcome {

    /** Added or incremented; {@code line} is the new state of its line. */
    record Added(CartLine line) implements AddOutcome {
    }

    /** The cart already holds all the stock there is (or there is none): nothing changed. */
    record OutOfStock(String message) implements AddOutcome {
    }
}
