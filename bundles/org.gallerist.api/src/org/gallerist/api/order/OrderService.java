package org.gallerist.api.order;

import java.util.List;

import org.gallerist.api.User;
import org.gallerist.api.image.Page;

/**
 * Buying: an order decrements stock in the same transaction as it is recorded; if any line asks for more than
 * is in stock the whole order fails with {@code insufficient_stock} and nothing changes.
 */
public interface OrderService {

    /** Places a new order every time; see {@link #place(User, List, String)} for one that may be sent again. */
    default Order place(User buyer, List<OrderRequest> lines) {
        return place(buyer, lines, null);
    }

    /**
     * Places an order at most once per request key: a buyer who sends the same key again (because the answer to the
     * first attempt was lost) gets the order that key placed, and nothing else changes.
     *
     * @param requestKey null for none, else 8 to 64 letters, digits, '-' or '_' (a UUID fits), unique per buyer
     * @throws org.gallerist.api.GalleristException {@code invalid_argument} for a malformed key, or a key already
     *                                              used for an order with other lines
     */
    Order place(User buyer, List<OrderRequest> lines, String requestKey);

    /** Most orders a page of {@link #orders(User, int, String)} holds. */
    int MAX_PAGE = 200;

    /** The caller's own orders, newest first. */
    List<Order> orders(User buyer);

    /**
     * One page of the caller's orders, newest first.
     *
     * @param limit 1 to {@link #MAX_PAGE}
     * @param after null for the first page, else the {@code next} of the page before
     */
    Page<Order> orders(User buyer, int limit, String after);

    /** Lines of other users' orders that bought the caller's images, newest first. */
    List<Order> sales(User seller);

    /**
     * What others bought of the caller's images, totalled per period or per image, one page at a time.
     *
     * @param limit 1 to {@link #MAX_PAGE}
     * @param after null for the first page, else the {@code next} of the page before
     */
    Page<SalesTotal> salesTotals(User seller, SalesGrouping grouping, int limit, String after);
}
