package org.gallerist.client.core.cart;

/** What became of a request to change a line's quantity. */
public sealed interface QuantityEdit {

    /** The quantity was changed. */
    record Changed(CartLine line) implements QuantityEdit {
    }

    /** 0 means "remove": nothing changed yet; call {@link Cart#remove(long)} once the user confirms. */
    record ConfirmRemoval(CartLine line) implements QuantityEdit {
    }

    /** Not allowed (more than the stock, not a number, negative): nothing changed. */
    record Refused(String message) implements QuantityEdit {
    }
}
