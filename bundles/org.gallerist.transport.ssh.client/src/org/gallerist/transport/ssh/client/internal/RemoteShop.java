package org.gallerist.transport.ssh.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.gallerist.api.client.Shop;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderRequest;

/** {@link Shop} as {@code orders} exec commands on one session. */
final class RemoteShop implements Shop {

    private final SshGalleristSession session;

    RemoteShop(SshGalleristSession session) {
        this.session = session;
    }

    @Override
    public Order place(List<OrderRequest> lines) {
        String json = lines.stream().map(line -> "{\"image\":" + line.image() + ",\"quantity\":" + line.quantity() + "}")
                .collect(Collectors.joining(",", "[", "]"));
        return WireRecords.order(session.exec(List.of("orders", "place"), json.getBytes(StandardCharsets.UTF_8)).get(0));
    }

    @Override
    public List<Order> orders() {
        return session.exec(List.of("orders", "list"), new byte[0]).stream().map(WireRecords::order).toList();
    }

    @Override
    public List<Order> sales() {
        return session.exec(List.of("orders", "sales"), new byte[0]).stream().map(WireRecords::order).toList();
    }
}
