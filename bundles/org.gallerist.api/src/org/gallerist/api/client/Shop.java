package org.gallerist.api.client;

import java.util.List;

import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderRequest;

/** Buying, as the logged-in user. */
public interface Shop {

    /** All lines or none; {@code insufficient_stock} names each short line. */
    Order place(List<OrderRequest> lines);

    List<Order> orders();

    List<Order> sales();
}
