package org.gallerist.storage.derby.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.gallerist.api.order.Shortfall;
import org.gallerist.api.spi.OrderStore;
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
public class DerbyOrderStore implements OrderStore {

    private final DerbyDatabase database;
    private final Clock clock;

    @Activate
    public DerbyOrderStore(@Reference DerbyDatabase database) {
        this(database, Clock.systemUTC());
    }

    DerbyOrderStore(DerbyDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Order place(String buyer, List<OrderRequest> lines, String requestKey) {
        Map<Long, Integer> wanted = merge(lines);
        try {
            return database.inTransaction(connection -> {
                long buyerId = DerbyImageStore.userId(connection, buyer);
                Optional<Long> earlier = requestKey == null ? Optional.empty()
                        : placedWith(connection, buyerId, requestKey);
                return earlier.isPresent() ? load(connection, earlier.get())
                        : takeAndRecord(connection, buyer, buyerId, wanted, requestKey);
            });
        } catch (RequestKeyTaken raced) {
            // A concurrent place with the same key committed first; ours was rolled back whole, stock included.
            return database.inTransaction(connection -> load(connection,
                    placedWith(connection, DerbyImageStore.userId(connection, buyer), requestKey).orElseThrow()));
        }
    }

    private Order takeAndRecord(Connection connection, String buyer, long buyerId, Map<Long, Integer> wanted,
            String requestKey) throws SQLException {
        List<Shortfall> short_ = new ArrayList<>();
        // Rows are locked in id order, so two orders sharing images cannot deadlock on each other.
        try (PreparedStatement take = connection.prepareStatement("UPDATE images SET quantity = quantity - ?"
                + " WHERE id = ? AND quantity >= ? AND (visibility = 'PUBLIC' OR owner_id = ?)")) {
            for (long image : new TreeSet<>(wanted.keySet())) {
                int quantity = wanted.get(image);
                take.setInt(1, quantity);
                take.setLong(2, image);
                take.setInt(3, quantity);
                take.setLong(4, buyerId);
                if (take.executeUpdate() == 0) {
                    short_.add(whyNot(connection, image, quantity, buyerId));
                }
            }
        }
        if (!short_.isEmpty()) {
            throw Shortfall.error(short_);
        }
        long placed = clock.millis();
        long orderId;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orders (buyer_id, placed_ms,"
                + " request_key) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, buyerId);
            insert.setLong(2, placed);
            insert.setString(3, requestKey);
            try {
                insert.executeUpdate();
            } catch (SQLException e) {
                if (DerbyDatabase.isDuplicateKey(e)) {
                    throw new RequestKeyTaken();
                }
                throw e;
            }
            try (ResultSet generated = insert.getGeneratedKeys()) {
                generated.next();
                orderId = generated.getLong(1);
            }
        }
        List<OrderLine> recorded = new ArrayList<>();
        try (PreparedStatement details = connection.prepareStatement("SELECT i.name, u.name, i.price"
                + " FROM images i JOIN users u ON u.id = i.owner_id WHERE i.id = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO order_lines (order_id,"
                        + " line_no, image_id, image_name, seller_name, quantity, unit_price)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int lineNo = 0;
            for (Map.Entry<Long, Integer> line : wanted.entrySet()) {
                details.setLong(1, line.getKey());
                OrderLine orderLine;
                try (ResultSet rows = details.executeQuery()) {
                    rows.next(); // locked by our update above: it is still there
                    orderLine = new OrderLine(line.getKey(), rows.getString(1), rows.getString(2), line.getValue(),
                            rows.getBigDecimal(3));
                }
                insert.setLong(1, orderId);
                insert.setInt(2, ++lineNo);
                insert.setLong(3, orderLine.image());
                insert.setString(4, orderLine.name());
                insert.setString(5, orderLine.seller());
                insert.setInt(6, orderLine.quantity());
                insert.setBigDecimal(7, orderLine.unitPrice());
                insert.executeUpdate();
                recorded.add(orderLine);
            }
        }
        return new Order(orderId, buyer, Instant.ofEpochMilli(placed), recorded);
    }

    private static Optional<Long> placedWith(Connection connection, long buyerId, String requestKey)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM orders WHERE buyer_id = ? AND request_key = ?")) {
            query.setLong(1, buyerId);
            query.setString(2, requestKey);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    private static Order load(Connection connection, long orderId) throws SQLException {
        return select(connection, " WHERE o.id = ?", orderId).get(0);
    }

    @Override
    public long count() {
        return database.inTransaction(connection -> {
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM orders")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public List<Order> orders(String buyer) {
        return query(" WHERE b.name = ?", buyer);
    }

    @Override
    public List<Order> sales(String seller) {
        return query(" WHERE l.seller_name = ? AND b.name <> ?", seller, seller);
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
    private static Shortfall whyNot(Connection connection, long image, int quantity, long buyerId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT name, quantity FROM images"
                + " WHERE id = ? AND (visibility = 'PUBLIC' OR owner_id = ?)")) {
            query.setLong(1, image);
            query.setLong(2, buyerId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new GalleristException(ErrorCode.NOT_FOUND, "No image #" + image + ".");
                }
                return new Shortfall(image, rows.getString(1), rows.getInt(2), quantity);
            }
        }
    }

    private List<Order> query(String where, Object... parameters) {
        return database.inTransaction(connection -> select(connection, where, parameters));
    }

    private static List<Order> select(Connection connection, String where, Object... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT o.id, b.name, o.placed_ms, l.image_id,"
                + " l.image_name, l.seller_name, l.quantity, l.unit_price FROM orders o"
                + " JOIN users b ON b.id = o.buyer_id JOIN order_lines l ON l.order_id = o.id" + where
                + " ORDER BY o.placed_ms DESC, o.id DESC, l.line_no")) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<Order> orders = new ArrayList<>();
            long currentId = -1;
            String buyer = null;
            long placed = 0;
            List<OrderLine> lines = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    if (id != currentId && currentId != -1) {
                        orders.add(new Order(currentId, buyer, Instant.ofEpochMilli(placed), lines));
                        lines = new ArrayList<>();
                    }
                    currentId = id;
                    buyer = rows.getString(2);
                    placed = rows.getLong(3);
                    BigDecimal price = rows.getBigDecimal(8);
                    lines.add(new OrderLine(rows.getLong(4), rows.getString(5), rows.getString(6), rows.getInt(7),
                            price));
                }
            }
            if (currentId != -1) {
                orders.add(new Order(currentId, buyer, Instant.ofEpochMilli(placed), lines));
            }
            return orders;
        }
    }

    /** Another transaction recorded an order with the same buyer and request key first. */
    private static final class RequestKeyTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RequestKeyTaken() {
            super(null, null, false, false);
        }
    }
}
