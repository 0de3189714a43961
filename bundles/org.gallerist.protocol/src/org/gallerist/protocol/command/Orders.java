package org.gallerist.protocol.command;

import org.gallerist.api.order.OrderRequest;
import org.gallerist.api.order.SalesGrouping;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orders ...}: buying (all lines or none), and the caller's orders and sales. */
@Command(name = "orders", description = "Buy images (all lines or none) and list your orders and sales.",
        subcommands = { Orders.Place.class, Orders.List.class, Orders.Sales.class, Orders.Totals.class })
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

    /** The options of a paged listing; without either the whole list comes, as before paging. */
    public abstract static class Paged extends ReadOnly {
        /** The page size when only {@code --after} is given. */
        public static final int DEFAULT_LIMIT = 50;

        @Option(names = "--limit", paramLabel = "N", description = "Page size, 1 to 200; then {\"next\": CURSOR}"
                + " follows if more remain.")
        Integer limit;
        @Option(names = "--after", paramLabel = "CURSOR", description = "The 'next' of the previous page.")
        String after;

        public boolean paged() {
            return limit != null || after != null;
        }

        public int limit() {
            return limit == null ? DEFAULT_LIMIT : limit;
        }

        public String after() {
            return after;
        }

        void page(int pageLimit, String cursor) {
            this.limit = pageLimit;
            this.after = cursor;
        }
    }

    @Command(name = "list", description = "Your orders, newest first (all of them, or a page with --limit).")
    public static final class List extends Paged {
        public List() {
        }

        public List(int limit, String after) {
            page(limit, after);
        }
    }

    @Command(name = "sales", description = "Orders of others that bought your images, newest first.")
    public static final class Sales extends ReadOnly {
    }

    @Command(name = "totals", description = "What others bought of your images, totalled per UTC day, ISO week, month"
            + " or image ({period, start, units, revenue, orders} or {image, name, units, revenue, orders}): newest"
            + " period or highest revenue first, a page at a time (default 50).")
    public static final class Totals extends Paged {
        @Option(names = "--by", paramLabel = "GROUP", required = true,
                description = "day, week, month or image.", converter = Converters.Grouping.class)
        SalesGrouping grouping;

        public Totals() {
        }

        public Totals(SalesGrouping grouping, int limit, String after) {
            this.grouping = grouping;
            page(limit, after);
        }

        public SalesGrouping grouping() {
            return grouping;
        }
    }
}
