package org.gallerist.spi.storage;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderLine;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.api.order.SalesTotal;

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

    /**
     * At most {@code limit} of the buyer's orders with ids below {@code beforeId} (null: from the newest), highest
     * id first. Stores should answer from an index; this default reads all their orders.
     */
    default List<Order> orders(String buyer, int limit, Long beforeId) {
        return orders(buyer).stream().filter(order -> beforeId == null || order.id() < beforeId)
                .sorted(Comparator.comparingLong(Order::id).reversed()).limit(limit).toList();
    }

    /**
     * What others bought of the seller's images per UTC day, in no particular order. Stores should total in the
     * database; this default totals {@link #sales(String)}.
     */
    default List<DaySales> dailySales(String seller) {
        Map<Long, DaySales> days = new HashMap<>();
        for (Order order : sales(seller)) {
            long day = Math.floorDiv(order.placed().toEpochMilli(), 86_400_000L);
            long units = order.lines().stream().mapToLong(OrderLine::quantity).sum();
            days.merge(day, new DaySales(day, units, order.total(), 1), DaySales::plus);
        }
        return List.copyOf(days.values());
    }

    /**
     * What others bought of each of the seller's images, in no particular order, named as the newest order recorded
     * it. Stores should total in the database; this default totals {@link #sales(String)}.
     */
    default List<SalesTotal> imageSales(String seller) {
        Map<Long, SalesTotal> images = new LinkedHashMap<>();
        for (Order order : sales(seller)) {
            for (OrderLine line : order.lines()) {
                images.merge(line.image(), SalesTotal.ofImage(line.image(), line.name(), line.quantity(),
                        line.total(), 1), (newer, older) -> SalesTotal.ofImage(newer.image(), newer.name(),
                                newer.units() + older.units(), newer.revenue().add(older.revenue()),
                                newer.orders() + older.orders()));
            }
        }
        return List.copyOf(images.values());
    }
}
