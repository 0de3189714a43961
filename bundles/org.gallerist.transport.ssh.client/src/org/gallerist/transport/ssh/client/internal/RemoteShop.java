package org.gallerist.transport.ssh.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gallerist.api.client.Shop;
import org.gallerist.api.image.Page;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.api.order.SalesGrouping;
import org.gallerist.api.order.SalesTotal;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.WireJson;
import org.gallerist.protocol.command.Orders;

/**
 * {@link Shop} as {@code orders} exec commands on one session. Each place carries a fresh request key, and its
 * second try after a lost connection the same one, so the server returns the order instead of buying twice.
 */
final class RemoteShop implements Shop {

    private static final byte[] NO_INPUT = new byte[0];

    private final SshGalleristSession session;
    private final WireJson json = new WireJson();

    RemoteShop(SshGalleristSession session) {
        this.session = session;
    }

    @Override
    public Order place(List<OrderRequest> lines) {
        byte[] input = json.line(lines.stream().map(Orders.Line::of).toList()).getBytes(StandardCharsets.UTF_8);
        return session.single(new Orders.Place(UUID.randomUUID().toString()), input, Order.class);
    }

    @Override
    public List<Order> orders() {
        return session.exec(new Orders.List(), NO_INPUT).stream().map(line -> line.as(Order.class)).toList();
    }

    @Override
    public Page<Order> orders(int limit, String after) {
        return page(new Orders.List(limit, after), Order.class);
    }

    @Override
    public Page<SalesTotal> salesTotals(SalesGrouping grouping, int limit, String after) {
        return page(new Orders.Totals(grouping, limit, after), SalesTotal.class);
    }

    private <T> Page<T> page(Orders.Paged command, Class<T> type) {
        List<T> items = new ArrayList<>();
        String next = null;
        for (WireJson.Line line : session.exec(command, NO_INPUT)) {
            if (line.has("next")) {
                next = line.as(Replies.NextPage.class).next();
            } else {
                items.add(line.as(type));
            }
        }
        return new Page<>(items, next);
    }

    @Override
    public List<Order> sales() {
        return session.exec(new Orders.Sales(), NO_INPUT).stream().map(line -> line.as(Order.class)).toList();
    }
}
