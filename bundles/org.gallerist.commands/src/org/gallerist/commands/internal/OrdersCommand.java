package org.gallerist.commands.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.spi.command.CommandHandler;
import org.gallerist.spi.command.CommandRequest;
import org.gallerist.spi.command.ProtocolCommandHandler;
import org.gallerist.api.image.Page;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.api.order.OrderService;
import org.gallerist.protocol.Replies;
import org.gallerist.protocol.WireJson;
import org.gallerist.protocol.command.Orders;
import org.gallerist.rules.TextLimits;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code orders place} (stdin: a JSON array of {image, quantity}), {@code orders list} (all, or paged),
 * {@code orders sales} and {@code orders totals} (paged). With
 * {@code --request KEY} a place may be sent again safely: the same key returns the order it placed.
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=orders")
public class OrdersCommand extends ProtocolCommandHandler {

    private final WireJson json = new WireJson();

    @Activate
    public OrdersCommand(@Reference OrderService orders) {
        super(Orders.class);
        on(Orders.Place.class, (place, request) -> request.output().emit(orders.place(request.caller(),
                readLines(request.input()), place.requestKey())));
        on(Orders.List.class, (list, request) -> {
            if (list.paged()) {
                emit(orders.orders(request.caller(), list.limit(), list.after()), request);
            } else {
                request.output().emitAll(orders.orders(request.caller()));
            }
        });
        on(Orders.Sales.class, (sales, request) -> request.output().emitAll(orders.sales(request.caller())));
        on(Orders.Totals.class, (totals, request) -> emit(orders.salesTotals(request.caller(), totals.grouping(),
                totals.limit(), totals.after()), request));
    }

    private static void emit(Page<?> page, CommandRequest request) throws IOException {
        request.output().emitAll(page.items());
        if (page.next() != null) {
            request.output().emit(new Replies.NextPage(page.next()));
        }
    }

    private List<OrderRequest> readLines(InputStream input) throws IOException {
        byte[] bytes = input.readNBytes(TextLimits.ORDER_BYTES + 1);
        if (bytes.length > TextLimits.ORDER_BYTES) {
            throw TextLimits.tooLong("order", TextLimits.ORDER_BYTES,
                    "The order is longer than " + TextLimits.ORDER_BYTES + " bytes.");
        }
        List<Orders.Line> lines = json.readList(new String(bytes, StandardCharsets.UTF_8), Orders.Line.class, Orders.INPUT);
        List<OrderRequest> requests = new ArrayList<>();
        for (Orders.Line line : lines) {
            if (line == null || line.image() == null || line.quantity() == null) {
                throw invalid("Each order line must be an object {\"image\": ID, \"quantity\": Q} with whole numbers.");
            }
            requests.add(new OrderRequest(line.image(), (int) Math.max(Integer.MIN_VALUE,
                    Math.min(Integer.MAX_VALUE, line.quantity()))));
        }
        return requests;
    }

    private static GalleristException invalid(String message) {
        return new GalleristException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
