package org.gallerist.protocol.command;

import org.gallerist.api.order.OrderRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orders ...}: buying (all lines or none), and the caller's orders and sales. */
@Command(name = "orders", description = "Buy images (all lines or none) and list your orders and sales.",
        subcommands = { Orders.Place.class, Orders.List.class, Orders.Sales.class })
public final class Orders extends WireCommand {

    /** What {@code orders place} reads on stdin. */
    public static final String INPUT = "[{\"image\": ID, \"quantity\": Q}, ...]";

    /** One element of the array {@code orders place} reads; boxed so that a missing field can be told from 0. */
    public record Line(Long image, Long quantity) {
        public static Line of(OrderRequest request) {
            return new Line(request.image(), (long) request.quantity());
        }
    }

    @Command(name = "place", description = "Buy the lines of the JSON array on stdin: " + INPUT + ". Stock goes down"
            + " in the same transaction; if a line is short nothing is bought (insufficient_stock names the short"
            + " lines in 'short').")
    @Replay(Replay.Safety.WITH_REQUEST_KEY)
    public static final class Place extends WireCommand {
        @Option(names = "--request", paramLabel = "KEY", description = "8-64 letters, digits, '-' or '_': the same"
                + " key sent again returns the order it placed instead of buying twice.")
        String requestKey;

        public String requestKey() {
            return requestKey;
        }

        @Override
        public Replay.Safety replay() {
            return requestKey == null ? Replay.Safety.NEVER : Replay.Safety.SAFE;
        }

        public Place() {
        }

        public Place(String requestKey) {
            this.requestKey = requestKey;
        }
    }

    @Command(name = "list", description = "Your orders, newest first.")
    public static final class List extends ReadOnly {
    }

    @Command(name = "sales", description = "Orders of others that bought your images, newest first.")
    public static final class Sales extends ReadOnly {
    }
}
