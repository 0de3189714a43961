package org.gallerist.transport.ssh.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gallerist.api.client.Shop;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderRequest;

/**
 * {@link Shop} as {@code orders} exec commands on one session. Each place carries a fresh request key, and its
 * second try after a lost connection the same one, so the server returns the order instead of buying twice.
 */
final class RemoteShop implements Shop {

    private static final byte[] NO_INPUT = new byte[0];

    private final SshGalleristSession session;

    RemoteShop(SshGalleristSession session) {
        this.session = session;
    }

    @Override
    public Order place(List<OrderRequest> lines) {
        String json = lines.stream()
                .map(line -> "{\"image\":" + line.image() + ",\"quantity\":" + line.quantity() + "}")
                .collect(Collectors.joining(",", "[", "]"));
        List<String> command = List.of("orders", "place", "--request", UUID.randomUUID().toString());
        byte[] input = json.getBytes(StandardCharsets.UTF_8);
        return WireRecords.order(SshGalleristSession.single(session.exec(command, input, true), "orders place"));
    }

    @Override
    public List<Order> orders() {
        return session.exec(List.of("orders", "list"), NO_INPUT, true).stream().map(WireRecords::order).toList();
    }

    @Override
    public List<Order> sales() {
        return session.exec(List.of("orders", "sales"), NO_INPUT, true).stream().map(WireRecords::order).toList();
    }
}
