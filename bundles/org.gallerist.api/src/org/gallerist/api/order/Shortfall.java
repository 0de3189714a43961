package org.gallerist.api.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/**
 * A line of an order that the stock cannot fill. An {@code insufficient_stock} error lists them in its detail
 * {@code short}: {@code [{"image": 12, "name": "Rocket", "available": 1, "requested": 2}, ...]}.
 */
public record Shortfall(long image, String name, int available, int requested) {

    /** The error an order with these short lines fails with; nothing of it was bought. */
    public static GalleristException error(List<Shortfall> lines) {
        List<Map<String, Object>> details = new ArrayList<>();
        for (Shortfall line : lines) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("image", line.image());
            detail.put("name", line.name());
            detail.put("available", line.available());
            detail.put("requested", line.requested());
            details.add(detail);
        }
        return new GalleristException(ErrorCode.INSUFFICIENT_STOCK, "Not enough in stock: " + lines.stream()
                .map(line -> "#" + line.image() + " '" + line.name() + "' has " + line.available()
                        + " (you asked for " + line.requested() + ")")
                .collect(Collectors.joining("; ")) + ".", Map.of(GalleristException.SHORT_LINES, details));
    }

    /** The short lines an {@code insufficient_stock} error names; empty for any other error. */
    public static List<Shortfall> of(GalleristException error) {
        List<Shortfall> lines = new ArrayList<>();
        if (error.code() == ErrorCode.INSUFFICIENT_STOCK
                && error.details().get(GalleristException.SHORT_LINES) instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> line && line.get("image") instanceof Number image) {
                    lines.add(new Shortfall(image.longValue(), String.valueOf(line.get("name")),
                            number(line.get("available")), number(line.get("requested"))));
                }
            }
        }
        return lines;
    }

    private static int number(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }
}
