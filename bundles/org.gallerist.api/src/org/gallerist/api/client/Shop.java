package org.gallerist.api.client;

import java.util.List;

import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderRequest;

/** Buying, as the logged-in user. */
public interface Shop {

    /**
     * All lines or none; {@code insufficient_stock} names each short line. Each call is one order: it carries a
     * fresh request key, and if the connection is lost while it runs it is sent again with the same key, so the
     * server returns the order instead of placing a second one. Calling again after a {@code connection_failed}
     * is a new order; look at {@link #orders()} first.
     */
    Order place(List<OrderRequest> lines);

    List<Order> orders();

    List<Order> sales();
}
