package org.gallerist.spi.storage;

import java.util.List;

import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderRequest;

/**
 * Persistence of orders, implemented by a storage bundle. {@link #place} is the one place where stock changes hands,
 * so its rules live here, inside the transaction: stock check, decrement and the order rows commit together or not
 * at all.
 */
public interface OrderStore {

    /**
     * Places an order in one transaction: each line's stock is decremented and the name, seller and unit price
     * as they are now are recorded with the line. Lines for the same image are merged (their quantities added).
     *
     * @param buyer a user name; the buyer may buy public images and their own private ones
     * @throws org.gallerist.api.GalleristException {@code invalid_argument} for no lines or a quantity below 1,
     *                                              {@code not_found} for an image the buyer cannot see,
     *                                              {@code insufficient_stock} naming every short line and its stock;
     *                                              in each case nothing changes
     */
    default Order place(String buyer, List<OrderRequest> lines) {
        return place(buyer, lines, null);
    }

    /**
     * Like {@link #place(String, List)}, but at most once per request key: if the buyer already placed an order with
     * this key, that order is returned as it was recorded and nothing changes. The key is stored with the order in
     * the same transaction, so of two concurrent places with one key exactly one takes stock.
     *
     * @param requestKey null for none; otherwise already validated by the caller
     */
    Order place(String buyer, List<OrderRequest> lines, String requestKey);

    /**
     * Whether the buyer has an order with a line for this image (which may since have been deleted or sold out):
     * what entitles them to its original. Stores should answer from an index; this default reads all their orders.
     */
    default boolean bought(String buyer, long imageId) {
        return orders(buyer).stream().flatMap(order -> order.lines().stream())
                .anyMatch(line -> line.image() == imageId);
    }

    /** How many orders were placed, for the operator's statistics. */
    long count();

    /** The buyer's orders, newest first. */
    List<Order> orders(String buyer);

    /** Orders of other users that bought the seller's images, newest first, each with only the seller's lines. */
    List<Order> sales(String seller);
}
