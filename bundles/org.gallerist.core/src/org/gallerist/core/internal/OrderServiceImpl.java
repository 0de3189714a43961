package org.gallerist.core.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.image.Page;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderLine;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.api.order.OrderService;
import org.gallerist.api.order.SalesGrouping;
import org.gallerist.api.order.SalesTotal;
import org.gallerist.spi.storage.OrderStore;
import org.gallerist.rules.TextLimits;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Orders: the shape of a request and its request key are checked here; stock, visibility, prices and the key's
 * uniqueness are settled in the store's transaction.
 */
@Component(service = OrderService.class)
public class OrderServiceImpl implements OrderService {

    static final int MAX_LINES = TextLimits.ORDER_LINES;
    private static final Pattern REQUEST_KEY = Pattern.compile("[A-Za-z0-9_-]{8,}");

    private final OrderStore store;

    @Activate
    public OrderServiceImpl(@Reference OrderStore store) {
        this.store = store;
    }

    @Override
    public Order place(User buyer, List<OrderRequest> lines, String requestKey) {
        if (lines.isEmpty()) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "The order has no lines.");
        }
        if (lines.size() > MAX_LINES) {
            throw TextLimits.tooLong("order_lines", MAX_LINES, "An order may have at most " + MAX_LINES + " lines, not "
                    + lines.size() + ".");
        }
        for (OrderRequest line : lines) {
            if (line.image() <= 0) {
                throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "Invalid image id " + line.image() + ".");
            }
            if (line.quantity() < 1) {
                throw new GalleristException(ErrorCode.INVALID_ARGUMENT,
                        "The quantity for #" + line.image() + " must be at least 1.");
            }
        }
        if (requestKey != null) {
            TextLimits.requireAtMost("request_key", "The request key", requestKey, TextLimits.REQUEST_KEY);
        }
        if (requestKey != null && !REQUEST_KEY.matcher(requestKey).matches()) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "The request key must be 8 to 64 letters, digits,"
                    + " '-' or '_' (a UUID will do), e.g. " + UUID.randomUUID() + ".");
        }
        Order order = store.place(buyer.name(), lines, requestKey);
        // A fresh order always has exactly the requested lines; other lines mean the key was used before.
        if (requestKey != null && !quantities(order).equals(merged(lines))) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "The request key " + requestKey + " already"
                    + " placed order #" + order.id() + ", which has other lines; use a new key for a new order.");
        }
        return order;
    }

    private static Map<Long, Long> merged(List<OrderRequest> lines) {
        return lines.stream().collect(Collectors.groupingBy(OrderRequest::image,
                Collectors.summingLong(OrderRequest::quantity)));
    }

    private static Map<Long, Long> quantities(Order order) {
        return order.lines().stream().collect(Collectors.groupingBy(OrderLine::image,
                Collectors.summingLong(OrderLine::quantity)));
    }

    @Override
    public List<Order> orders(User buyer) {
        return store.orders(buyer.name());
    }

    @Override
    public List<Order> sales(User seller) {
        return store.sales(seller.name());
    }

    @Override
    public Page<Order> orders(User buyer, int limit, String after) {
        checkLimit(limit);
        Long before = after == null ? null : orderCursor(after);
        List<Order> fetched = store.orders(buyer.name(), limit + 1, before);
        List<Order> page = fetched.subList(0, Math.min(limit, fetched.size()));
        return new Page<>(page, fetched.size() > limit ? Long.toString(page.get(page.size() - 1).id()) : null);
    }

    @Override
    public Page<SalesTotal> salesTotals(User seller, SalesGrouping grouping, int limit, String after) {
        checkLimit(limit);
        return new SalesTotals(store).page(seller.name(), grouping, limit, after);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "The limit must be between 1 and " + MAX_PAGE
                    + ".");
        }
    }

    private static long orderCursor(String after) {
        try {
            long id = Long.parseLong(after.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "Invalid cursor '" + SalesTotals.printable(after)
                + "': use the 'next' of the page before.");
    }
}
