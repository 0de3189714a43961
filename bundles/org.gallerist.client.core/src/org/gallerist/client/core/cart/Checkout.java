package org.gallerist.client.core.cart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.ImageRepository;
import org.gallerist.api.client.Shop;
import org.gallerist.api.image.Image;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderLine;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.client.core.ErrorMessages;

/**
 * Buys what the cart holds. Blocks on the network: run it in a background job.
 * <p>
 * {@link Shop#place} already sends its request key again when the connection drops during the call. What it cannot
 * cover is a checkout whose session gave up ({@code connection_failed}): the order may or may not have been placed.
 * The cart remembers when such a checkout was sent, and the next checkout first looks among the user's orders for
 * one placed since then with exactly these lines, so pressing Checkout again never buys twice.
 */
public final class Checkout {
    // Client and server clocks differ a little; an order placed this long before the attempt still counts.
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);

    private final Shop shop;
    private final ImageRepository images;
    private final Clock clock;

    public Checkout(Shop shop, ImageRepository images, Clock clock) {
        this.shop = Objects.requireNonNull(shop, "shop");
        this.images = Objects.requireNonNull(images, "images");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CheckoutResult run(Cart cart) {
        List<OrderRequest> requests = cart.orderRequests();
        if (requests.isEmpty()) {
            return new CheckoutResult.Failed("The cart is empty.");
        }
        try {
            Optional<Order> earlier = earlierAttempt(cart.pendingCheckout(), requests);
            if (earlier.isPresent()) {
                cart.setPendingCheckout(null);
                cart.removeBought(requests);
                return new CheckoutResult.Placed(earlier.get(), true);
            }
        } catch (GalleristException e) {
            return new CheckoutResult.Failed(ErrorMessages.readable(e));
        }
        cart.setPendingCheckout(clock.instant());
        try {
            Order order = shop.place(requests);
            cart.setPendingCheckout(null);
            cart.removeBought(requests);
            return new CheckoutResult.Placed(order, false);
        } catch (GalleristException e) {
            if (e.code() == ErrorCode.CONNECTION_FAILED) {
                return new CheckoutResult.Failed(ErrorMessages.readable(e) + " The order may have been placed;"
                        + " checking out again first looks for it, so nothing is bought twice.");
            }
            cart.setPendingCheckout(null);
            refreshStock(cart);
            if (e.code() == ErrorCode.INSUFFICIENT_STOCK) {
                return new CheckoutResult.Short(ShortLine.of(e), ErrorMessages.readable(e));
            }
            return new CheckoutResult.Failed(ErrorMessages.readable(e));
        }
    }

    /** Asks the server for the current name, price and stock of every line; lines it no longer shows get 0. */
    public void refreshStock(Cart cart) {
        Map<Long, Image> current = new HashMap<>();
        Set<Long> gone = new HashSet<>();
        for (CartLine line : cart.lines()) {
            try {
                current.put(line.imageId(), images.show(line.imageId()));
            } catch (GalleristException e) {
                if (e.code() == ErrorCode.NOT_FOUND) {
                    gone.add(line.imageId());
                }
            }
        }
        cart.refresh(current, gone);
    }

    private Optional<Order> earlierAttempt(Instant sent, List<OrderRequest> requests) {
        if (sent == null) {
            return Optional.empty();
        }
        Instant notBefore = sent.minus(CLOCK_SLACK);
        Map<Long, Integer> wanted = quantities(requests);
        return shop.orders().stream()
                .filter(order -> order.placed() == null || !order.placed().isBefore(notBefore))
                .filter(order -> quantitiesOf(order).equals(wanted))
                .findFirst();
    }

    private static Map<Long, Integer> quantities(List<OrderRequest> requests) {
        Map<Long, Integer> map = new HashMap<>();
        requests.forEach(request -> map.merge(request.image(), request.quantity(), Integer::sum));
        return map;
    }

    private static Map<Long, Integer> quantitiesOf(Order order) {
        Map<Long, Integer> map = new HashMap<>();
        for (OrderLine line : order.lines()) {
            map.merge(line.image(), line.quantity(), Integer::sum);
        }
        return map;
    }
}
