package org.gallerist.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.Page;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.api.order.SalesGrouping;
import org.gallerist.api.order.SalesTotal;
import org.gallerist.spi.storage.DaySales;
import org.gallerist.spi.storage.OrderStore;
import org.junit.jupiter.api.Test;

/** Daily totals rolled up into ISO weeks and months (UTC), newest first, and cut into pages by position. */
class SalesTotalsTest {

    /** Sun 2026-11-29 ends week 48; Mon 2026-11-30 starts week 49, still in November; 2026-12-02 is in December. */
    private final SalesTotals totals = new SalesTotals(new DaysOnly(List.of(day("2026-11-29", 1, "2.00"),
            day("2026-11-30", 2, "5.00"), day("2026-12-02", 3, "7.50"), day("2025-12-31", 4, "1.00"))));

    @Test
    void weeksStartOnMondayAndCarryTheirIsoNumber() {
        List<SalesTotal> weeks = totals.page("sara", SalesGrouping.WEEK, 10, null).items();
        assertEquals(List.of("2026-W49", "2026-W48", "2026-W01"), weeks.stream().map(SalesTotal::period).toList(),
                "2025-12-31 is a Wednesday of ISO week 1 of 2026");
        assertEquals("2026-11-30", weeks.get(0).start());
        assertEquals(5, weeks.get(0).units());
        assertEquals(new BigDecimal("12.50"), weeks.get(0).revenue());
        assertEquals(2, weeks.get(0).orders());
    }

    @Test
    void monthsTotalTheirDays() {
        List<SalesTotal> months = totals.page("sara", SalesGrouping.MONTH, 10, null).items();
        assertEquals(List.of("2026-12", "2026-11", "2025-12"), months.stream().map(SalesTotal::period).toList());
        assertEquals(new BigDecimal("7.00"), months.get(1).revenue());
        assertEquals("2026-11-01", months.get(1).start());
    }

    @Test
    void pagesFollowEachOtherByPosition() {
        Page<SalesTotal> first = totals.page("sara", SalesGrouping.DAY, 3, null);
        assertEquals(List.of("2026-12-02", "2026-11-30", "2026-11-29"),
                first.items().stream().map(SalesTotal::period).toList());
        assertEquals("3", first.next());
        Page<SalesTotal> last = totals.page("sara", SalesGrouping.DAY, 3, first.next());
        assertEquals(List.of("2025-12-31"), last.items().stream().map(SalesTotal::period).toList());
        assertNull(last.next());
        assertEquals(List.of(), totals.page("sara", SalesGrouping.DAY, 3, "99").items());
    }

    @Test
    void aCursorThatIsNoPositionIsRefused() {
        for (String bad : List.of("-1", "x", "1.5")) {
            GalleristException e = assertThrows(GalleristException.class,
                    () -> totals.page("sara", SalesGrouping.DAY, 3, bad));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        }
    }

    private static DaySales day(String date, long units, String revenue) {
        return new DaySales(LocalDate.parse(date).toEpochDay(), units, new BigDecimal(revenue), 1);
    }

    /** A store that only has daily totals. */
    private record DaysOnly(List<DaySales> days) implements OrderStore {
        @Override
        public List<DaySales> dailySales(String seller) {
            return days;
        }

        @Override
        public Order place(String buyer, List<OrderRequest> lines, String requestKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count() {
            return 0;
        }

        @Override
        public List<Order> orders(String buyer) {
            return List.of();
        }

        @Override
        public List<Order> sales(String seller) {
            return List.of();
        }
    }
}
