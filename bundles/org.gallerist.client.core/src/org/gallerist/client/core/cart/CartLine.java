package org.gallerist.client.core.cart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import org.gallerist.api.image.Image;

/**
 * One image in the cart: what the user wants and what the server last said about it.
 *
 * @param stock the quantity the server last reported for sale; may be out of date until refreshed
 */
public record CartLine(long imageId, String name, BigDecimal unitPrice, int quantity, int stock) {
    public CartLine {
        Objects.requireNonNull(name, "name");
        unitPrice = Objects.requireNonNull(unitPrice, "unitPrice").setScale(2, RoundingMode.HALF_UP);
        if (quantity < 1) {
            throw new IllegalArgumentException("A cart line holds at least one, not " + quantity);
        }
        stock = Math.max(0, stock);
    }

    static CartLine of(Image image, int quantity) {
        return new CartLine(image.id(), image.name(), image.price(), quantity, image.quantity());
    }

    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    /** True when the server last said there are fewer than the cart holds. */
    public boolean exceedsStock() {
        return quantity > stock;
    }

    CartLine withQuantity(int newQuantity) {
        return new CartLine(imageId, name, unitPrice, newQuantity, stock);
    }

    CartLine refreshedFrom(Image image) {
        return new CartLine(imageId, image.name(), image.price(), quantity, image.quantity());
    }

    CartLine withStock(int newStock) {
        return new CartLine(imageId, name, unitPrice, quantity, newStock);
    }
}
