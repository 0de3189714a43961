package org.gallerist.storage.jdbc.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderLine;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.api.order.SalesTotal;
import org.gallerist.api.order.Shortfall;
import org.gallerist.spi.storage.DaySales;
import org.gallerist.spi.storage.OrderStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Orders in Derby. Placing one is a single transaction: each line's stock is taken with a conditional
 * {@code UPDATE ... WHERE quantity >= ?} (which also checks visibility and holds the row lock to commit), so
 * concurrent buyers of the last item serialise on the row and exactly one of them gets it. The buyer's request key,
 * if any, is written with the order row under a unique constraint, so a key buys at most once.
 */
@Component(service = OrderStore.class)
public class JdbcOrderStore implements OrderStore {

    /** The lines others bought of a seller's images (parameters: the seller twice). */
    private static final String SOLD_BY_SELLER = " FROM order_lines l JOIN orders o ON o.id = l.order_id"
            + " JOIN users b ON b.id = o.buyer_id WHERE l.seller_name = ? AND b.name <> ?";
    private static final String UNITS_REVENUE_ORDERS = "SUM(l.quantity), SUM(l.unit_price * l.quantity),"
            + " COUNT(DISTINCT o.id)";

    private final JdbcDatabase database;

    @Activate
    public JdbcOrderStore(@Reference JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public Order place(String buyer, List<OrderRequest> lines, String requestKey) {
        Map<Long, Integer> wanted = merge(lines);
        try {
            return database.inTransaction(sql -> {
                long buyerId = UserIds.require(sql, buyer);
                Optional<Long> earlier = requestKey == null ? Optional.empty() : placedWith(sql, buyerId, requestKey);
                return earlier.isPresent() ? load(sql, earlier.get())
                        : takeAndRecord(sql, buyer, buyerId, wanted, requestKey);
            });
        } catch (RequestKeyTaken raced) {
            // A concurrent place with the same key committed first; ours was rolled back whole, stock included.
            return database.inTransaction(
                    sql -> load(sql, placedWith(sql, UserIds.require(sql, buyer), requestKey).orElseThrow()));
        }
    }

    private Order takeAndRecord(Sql sql, String buyer, long buyerId, Map<Long, Integer> wanted, String requestKey)
            throws SQLException {
        List<Shortfall> shortfalls = new ArrayList<>();
        // Rows are locked in id order, so two orders sharing images cannot deadlock on each other.
        for (long image : new TreeSet<>(wanted.keySet())) {
            int quantity = wanted.get(image);
            if (sql.update("UPDATE images SET quantity = quantity - ? WHERE id = ? AND quantity >= ?"
                    + " AND (visibility = 'PUBLIC' OR owner_id = ?)", quantity, image, quantity, buyerId) == 0) {
                shortfalls.add(whyNot(sql, image, quantity, buyerId));
            }
        }
        if (!shortfalls.isEmpty()) {
            throw Shortfall.error(shortfalls);
        }
        long placed = System.currentTimeMillis();
        long orderId;
        try {
            orderId = sql.insert("INSERT INTO orders (buyer_id, placed_ms, request_key) VALUES (?, ?, ?)", buyerId,
                    placed, requestKey);
        } catch (SQLException e) {
            if (Sql.isDuplicateKey(e)) {
                throw new RequestKeyTaken();
            }
            throw e;
        }
        List<OrderLine> recorded = new ArrayList<>();
        int lineNo = 0;
        for (Map.Entry<Long, Integer> line : wanted.entrySet()) {
            long image = line.getKey();
            // locked by our update above: it is still there
            OrderLine orderLine = sql.one("SELECT i.name, u.name, i.price FROM images i"
                    + " JOIN users u ON u.id = i.owner_id WHERE i.id = ?",
                    row -> new OrderLine(image, row.getString(1), row.getString(2), line.getValue(),
                            row.getBigDecimal(3)),
                    image);
            sql.update("INSERT INTO order_lines (order_id, line_no, image_id, image_name, seller_name, quantity,"
                    + " unit_price) VALUES (?, ?, ?, ?, ?, ?, ?)", orderId, ++lineNo, orderLine.image(),
                    orderLine.name(), orderLine.seller(), orderLine.quantity(), orderLine.unitPrice());
            recorded.add(orderLine);
        }
        return new Order(orderId, buyer, Instant.ofEpochMilli(placed), recorded);
    }

    private static Optional<Long> placedWith(Sql sql, long buyerId, String requestKey) throws SQLException {
        return sql.optional("SELECT id FROM orders WHERE buyer_id = ? AND request_key = ?", row -> row.getLong(1),
                buyerId, requestKey);
    }

    private static Order load(Sql sql, long orderId) throws SQLException {
        return select(sql, " WHERE o.id = ?", orderId).get(0);
    }

    @Override
    public long count() {
        return database.inTransaction(sql -> sql.one("SELECT COUNT(*) FROM orders", row -> row.getLong(1)));
    }

    @Override
    public boolean bought(String buyer, long imageId) {
        return database.inTransaction(sql -> sql.exists("SELECT 1 FROM order_lines l JOIN orders o ON o.id ="
                + " l.order_id JOIN users b ON b.id = o.buyer_id WHERE l.image_id = ? AND b.name = ?"
                + " FETCH FIRST 1 ROWS ONLY", imageId, buyer));
    }

    @Override
    public List<Order> orders(String buyer) {
        return query(" WHERE b.name = ?", buyer);
    }

    @Override
    public List<Order> sales(String seller) {
        return query(" WHERE l.seller_name = ? AND b.name <> ?", seller, seller);
    }

    /** The page's ids first (from the buyer's index), then the lines of exactly that id range. */
    @Override
    public List<Order> orders(String buyer, int limit, Long beforeId) {
        return database.inTransaction(sql -> {
            List<Long> ids = sql.list("SELECT o.id FROM orders o JOIN users b ON b.id = o.buyer_id WHERE b.name = ?"
                    + " AND o.id < ? ORDER BY o.id DESC FETCH FIRST " + limit + " ROWS ONLY", row -> row.getLong(1),
                    buyer, beforeId == null ? Long.MAX_VALUE : beforeId);
            if (ids.isEmpty()) {
                return List.of();
            }
            List<Order> orders = new ArrayList<>(select(sql, " WHERE b.name = ? AND o.id BETWEEN ? AND ?", buyer,
                    ids.get(ids.size() - 1), ids.get(0)));
            orders.sort(Comparator.comparingLong(Order::id).reversed());
            return orders;
        });
    }

    @Override
    public List<DaySales> dailySales(String seller) {
        return database.inTransaction(sql -> sql.list("SELECT o.placed_ms / 86400000, " + UNITS_REVENUE_ORDERS
                + SOLD_BY_SELLER + " GROUP BY o.placed_ms / 86400000",
                row -> new DaySales(row.getLong(1), row.getLong(2), row.getBigDecimal(3), row.getLong(4)),
                seller, seller));
    }

    @Override
    public List<SalesTotal> imageSales(String seller) {
        return database.inTransaction(sql -> sql.list("SELECT l.image_id, MAX(l.image_name), "
                + UNITS_REVENUE_ORDERS + SOLD_BY_SELLER + " GROUP BY l.image_id",
                row -> SalesTotal.ofImage(row.getLong(1), row.getString(2), row.getLong(3), row.getBigDecimal(4),
                        row.getLong(5)), seller, seller));
    }

    /** Validates the lines and merges repeats of the same image (quantities added), keeping first-seen order. */
    private static Map<Long, Integer> merge(List<OrderRequest> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "The order has no lines.");
        }
        Map<Long, Integer> wanted = new LinkedHashMap<>();
        for (OrderRequest line : lines) {
            if (line.quantity() < 1) {
                throw new GalleristException(ErrorCode.INVALID_ARGUMENT,
                        "The quantity for image #" + line.image() + " must be at least 1.");
            }
            try {
                wanted.merge(line.image(), line.quantity(), Math::addExact);
            } catch (ArithmeticException e) {
                throw new GalleristException(ErrorCode.INVALID_ARGUMENT,
                        "The quantity for image #" + line.image() + " is too large.");
            }
        }
        return wanted;
    }

    /** Explains a failed take: not visible to the buyer (not found, no existence leak) or too few in stock. */
    private static Shortfall whyNot(Sql sql, long image, int quantity, long buyerId) throws SQLException {
        return sql.optional("SELECT name, quantity FROM images"
                + " WHERE id = ? AND (visibility = 'PUBLIC' OR owner_id = ?)",
                row -> new Shortfall(image, row.getString(1), row.getInt(2), quantity), image, buyerId)
                .orElseThrow(() -> new GalleristException(ErrorCode.NOT_FOUND, "No image #" + image + "."));
    }

    private List<Order> query(String where, Object... values) {
        return database.inTransaction(sql -> select(sql, where, values));
    }

    /** The orders matching {@code where}, newest first, each with its lines in line order. */
    private static List<Order> select(Sql sql, String where, Object... values) throws SQLException {
        Map<Long, OrderHead> heads = new LinkedHashMap<>();
        Map<Long, List<OrderLine>> linesById = new LinkedHashMap<>();
        sql.forEach("SELECT o.id, b.name, o.placed_ms, l.image_id, l.image_name, l.seller_name, l.quantity,"
                + " l.unit_price FROM orders o JOIN users b ON b.id = o.buyer_id"
                + " JOIN order_lines l ON l.order_id = o.id" + where
                + " ORDER BY o.placed_ms DESC, o.id DESC, l.line_no",
                row -> {
                    long id = row.getLong(1);
                    heads.putIfAbsent(id, new OrderHead(row.getString(2), Instant.ofEpochMilli(row.getLong(3))));
                    linesById.computeIfAbsent(id, key -> new ArrayList<>()).add(new OrderLine(row.getLong(4),
                            row.getString(5), row.getString(6), row.getInt(7), row.getBigDecimal(8)));
                }, values);
        return heads.entrySet().stream().map(head -> new Order(head.getKey(), head.getValue().buyer(),
                head.getValue().placed(), linesById.get(head.getKey()))).toList();
    }

    private record OrderHead(String buyer, Instant placed) {
    }

    /** Another transaction recorded an order with the same buyer and request key first. */
    private static final class RequestKeyTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RequestKeyTaken() {
            super(null, null, false, false);
        }
    }
}
