package org.gallerist.commands.internal;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.command.CommandHandler;
import org.gallerist.api.command.CommandRequest;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderLine;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.api.order.OrderService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * {@code orders place} (stdin: a JSON array of {image, quantity}), {@code orders list}, {@code orders sales}. With
 * {@code --request KEY} a place may be sent again safely: the same key returns the order it placed.
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + "=orders")
public class OrdersCommand implements CommandHandler {

    static final String USAGE = "orders place [--request KEY] < [{\"image\": ID, \"quantity\": Q}, ...]"
            + " | orders list | orders sales";
    private static final int MAX_INPUT = 1024 * 1024;

    private final OrderService orders;

    @Activate
    public OrdersCommand(@Reference OrderService orders) {
        this.orders = orders;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public String summary() {
        return "buy images (all lines or none) and list your orders and sales";
    }

    @Override
    public void execute(CommandRequest request) throws Exception {
        List<String> args = request.args();
        if (args.isEmpty()) {
            throw Options.invalid("Missing sub-command.", USAGE);
        }
        if (args.size() != 1 && !args.get(0).equals("place")) {
            throw Options.invalid("Wrong number of arguments.", USAGE);
        }
        switch (args.get(0)) {
        case "place" -> {
            Options options = Options.parse(args.subList(1, args.size()), Set.of(), Set.of("request"), Set.of(), USAGE);
            if (!options.positional().isEmpty()) {
                throw Options.invalid("Wrong number of arguments.", USAGE);
            }
            request.output().emit(json(orders.place(request.caller(), readLines(request.input()),
                    options.value("request"))));
        }
        case "list" -> {
            for (Order order : orders.orders(request.caller())) {
                request.output().emit(json(order));
            }
        }
        case "sales" -> {
            for (Order order : orders.sales(request.caller())) {
                request.output().emit(json(order));
            }
        }
        default -> throw Options.invalid("Unknown sub-command '" + args.get(0) + "'.", USAGE);
        }
    }

    static List<OrderRequest> readLines(InputStream input) throws java.io.IOException {
        byte[] bytes = input.readNBytes(MAX_INPUT + 1);
        if (bytes.length > MAX_INPUT) {
            throw invalid("The order is too long.");
        }
        try (Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(reader);
            if (!root.isJsonArray()) {
                throw invalid("Send the order as a JSON array: " + USAGE);
            }
            JsonArray array = root.getAsJsonArray();
            List<OrderRequest> lines = new ArrayList<>();
            for (JsonElement element : array) {
                if (!element.isJsonObject()) {
                    throw invalid("Each order line must be an object {\"image\": ID, \"quantity\": Q}.");
                }
                JsonObject line = element.getAsJsonObject();
                lines.add(new OrderRequest(wholeNumber(line, "image"), (int) Math.min(Integer.MAX_VALUE,
                        wholeNumber(line, "quantity"))));
            }
            return lines;
        } catch (JsonParseException | IllegalStateException e) {
            throw invalid("The order is not valid JSON: send [{\"image\": ID, \"quantity\": Q}, ...].");
        }
    }

    private static long wholeNumber(JsonObject line, String field) {
        JsonElement value = line.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw invalid("Each order line needs a number '" + field + "'.");
        }
        double number = value.getAsDouble();
        if (number != Math.rint(number) || Math.abs(number) > Long.MAX_VALUE / 2) {
            throw invalid("'" + field + "' must be a whole number, not " + value + ".");
        }
        return value.getAsLong();
    }

    static Map<String, Object> json(Order order) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", order.id());
        json.put("buyer", order.buyer());
        json.put("placed", order.placed().toString());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("image", line.image());
            item.put("name", line.name());
            item.put("seller", line.seller());
            item.put("quantity", line.quantity());
            item.put("unit_price", line.unitPrice().setScale(2).toPlainString());
            item.put("total", line.total().setScale(2).toPlainString());
            lines.add(item);
        }
        json.put("lines", lines);
        json.put("total", order.total().setScale(2).toPlainString());
        return json;
    }

    private static GalleristException invalid(String message) {
        return new GalleristException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
