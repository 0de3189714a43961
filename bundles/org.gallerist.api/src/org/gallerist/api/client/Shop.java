package org.gallerist.api.client;

import java.util.List;

import org.gallerist.api.image.Page;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.api.order.SalesGrouping;
import org.gallerist.api.order.SalesTotal;

/** Buying, as the logged-in user. */
public interface Shop {

    /**
     * All lines or none; {@code insufficient_stock} names each short line. Each call is one order: it carries a
     * fresh request key, and if the connection is lost while it runs it is sent again with the same key, so the
     * server returns the order instead of placing a second one. Calling again after a {@code connection_failed}
     * is a new order; look at {@link #orders()} first.
     */
    Order place(List<OrderRequest> lines);

    /** All of the user's orders, newest first. */
    List<Order> orders();

    /**
     * One page of the user's orders, newest first.
     *
     * @param limit 1 to {@link org.gallerist.api.order.OrderService#MAX_PAGE}
     * @param after null for the first page, else the {@code next} of the page before
     */
    Page<Order> orders(int limit, String after);

    List<Order> sales();

    /** What others bought of the user's images, totalled per period or image, one page at a time. */
    Page<SalesTotal> salesTotals(SalesGrouping grouping, int limit, String after);
}
