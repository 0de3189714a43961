package org.gallerist.core.internal;

import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.api.order.OrderService;
import org.gallerist.api.spi.OrderStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Orders: the shape of a request is checked here; stock, visibility and prices are settled in the store's transaction. */
@Component(service = OrderService.class)
public class OrderServiceImpl implements OrderService {

    static final int MAX_LINES = 200;

    private final OrderStore store;

    @Activate
    public OrderServiceImpl(@Reference OrderStore store) {
        this.store = store;
    }

    @Override
    public Order place(User buyer, List<OrderRequest> lines) {
        if (lines.isEmpty()) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "The order has no lines.");
        }
        if (lines.size() > MAX_LINES) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "An order may have at most " + MAX_LINES + " lines.");
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
        return store.place(buyer.name(), lines);
    }

    @Override
    public List<Order> orders(User buyer) {
        return store.orders(buyer.name());
    }

    @Override
    public List<Order> sales(User seller) {
        return store.sales(seller.name());
    }
}
