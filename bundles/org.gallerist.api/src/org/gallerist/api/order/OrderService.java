package org.gallerist.api.order;

import java.util.List;

import org.gallerist.api.User;

/**
 * Buying: an order decrements stock in the same transaction as it is recorded; if any line asks for more than
 * is in stock the whole order fails with {@code insufficient_stock} and nothing changes.
 */
public interface OrderService {

    Order place(User buyer, List<OrderRequest> lines);

    /** The caller's own orders, newest first. */
    List<Order> orders(User buyer);

    /** Lines of other users' orders that bought the caller's images, newest first. */
    List<Order> sales(User seller);
}
