package org.gallerist.core.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.Page;
import org.gallerist.api.order.SalesGrouping;
import org.gallerist.api.order.SalesTotal;
import org.gallerist.spi.storage.DaySales;
import org.gallerist.spi.storage.OrderStore;

/**
 * A seller's totals per day, week or month (rolled up from the store's daily totals, in UTC) or per image, sorted
 * and cut into pages whose cursor is the position of the next total. A shop's history has a few thousand days at
 * most, so the whole list is made for each page.
 */
final class SalesTotals {
    private final OrderStore store;

    SalesTotals(OrderStore store) {
        this.store = store;
    }

    Page<SalesTotal> page(String seller, SalesGrouping grouping, int limit, String after) {
        int from = position(after);
        List<SalesTotal> all = grouping == SalesGrouping.IMAGE ? byImage(seller) : byPeriod(seller, grouping);
        int to = Math.min(all.size(), from + limit);
        List<SalesTotal> items = from >= all.size() ? List.of() : all.subList(from, to);
        return new Page<>(items, to < all.size() ? Integer.toString(to) : null);
    }

    private List<SalesTotal> byImage(String seller) {
        return store.imageSales(seller).stream().sorted(Comparator.comparing(SalesTotal::revenue).reversed()
                .thenComparing(Comparator.comparingLong(SalesTotal::units).reversed())
                .thenComparing(SalesTotal::image)).toList();
    }

    private List<SalesTotal> byPeriod(String seller, SalesGrouping grouping) {
        Map<LocalDate, DaySales> periods = new TreeMap<>(Comparator.reverseOrder());
        for (DaySales day : store.dailySales(seller)) {
            LocalDate start = start(LocalDate.ofEpochDay(day.epochDay()), grouping);
            periods.merge(start, new DaySales(start.toEpochDay(), day.units(), day.revenue(), day.orders()),
                    DaySales::plus);
        }
        return periods.entrySet().stream().map(entry -> SalesTotal.ofPeriod(label(entry.getKey(), grouping),
                entry.getKey().toString(), entry.getValue().units(), scaled(entry.getValue().revenue()),
                entry.getValue().orders())).toList();
    }

    private static LocalDate start(LocalDate day, SalesGrouping grouping) {
        return switch (grouping) {
            case DAY, IMAGE -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static String label(LocalDate start, SalesGrouping grouping) {
        return switch (grouping) {
            case DAY, IMAGE -> start.toString();
            case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> start.toString().substring(0, 7);
        };
    }

    private static BigDecimal scaled(BigDecimal revenue) {
        return revenue.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static int position(String after) {
        if (after == null) {
            return 0;
        }
        try {
            int position = Integer.parseInt(after.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "Invalid cursor '" + printable(after)
                + "': use the 'next' of the page before.");
    }

    static String printable(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "\u2026" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
