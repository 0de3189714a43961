package org.gallerist.client.core.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A line the server could not fill: how many were asked for and how many it has. */
public record ShortLine(long imageId, String name, int stock, int asked) {

    // The server names each short line as: #12 'Name' has 1 (you asked for 2)
    private static final Pattern LINE = Pattern.compile("#(\\d+) '(.*?)' has (\\d+) \\(you asked for (\\d+)\\)");

    /** The short lines an {@code insufficient_stock} message names; empty if it names none in that form. */
    public static List<ShortLine> parse(String message) {
        List<ShortLine> found = new ArrayList<>();
        if (message == null) {
            return found;
        }
        Matcher matcher = LINE.matcher(message);
        while (matcher.find()) {
            found.add(new ShortLine(Long.parseLong(matcher.group(1)), matcher.group(2),
                    Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4))));
        }
        return found;
    }

    /** "'Rocket': 1 in stock, 2 in the cart". */
    public String describe() {
        return "'" + name + "': " + (stock == 0 ? "sold out" : stock + " in stock") + ", " + asked + " in the cart";
    }
}
