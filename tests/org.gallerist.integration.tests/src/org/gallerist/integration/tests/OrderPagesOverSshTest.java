package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Page;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.api.order.SalesGrouping;
import org.gallerist.api.order.SalesTotal;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.Processes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code orders list --limit --after} pages a buyer's orders, newest first, and {@code orders totals --by} adds up
 * what others bought of a seller's images per period and per image; without options {@code orders list} answers
 * every order, as scripts written before paging expect.
 */
class OrderPagesOverSshTest {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    private String saraSsh;
    private String brunoSsh;
    private GalleristSession sara;
    private GalleristSession bruno;
    private Image poster;
    private Image print;
    private final List<Order> placed = new ArrayList<>();

    @BeforeEach
    void sell() throws Exception {
        saraSsh = server.openSsh().signedUp("sara").ssh();
        brunoSsh = server.openSsh().signedUp("bruno").ssh();
        sara = server.logIn("sara");
        bruno = server.logIn("bruno");
        poster = sara.images().add(new NewImage("Poster", "", List.of(), new BigDecimal("10.00"), 100,
                Visibility.PUBLIC), TestImages.png(1, 48, 48));
        print = sara.images().add(new NewImage("Print", "", List.of(), new BigDecimal("2.50"), 100,
                Visibility.PUBLIC), TestImages.png(2, 48, 48));
        for (int i = 0; i < 5; i++) {
            placed.add(bruno.shop().place(List.of(new OrderRequest(poster.id(), 1), new OrderRequest(print.id(), 2))));
        }
        sara.shop().place(List.of(new OrderRequest(print.id(), 1)));
    }

    @Test
    void ordersComePageByPageNewestFirst() throws Exception {
        List<Long> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Page<Order> page = bruno.shop().orders(2, after);
            page.items().forEach(order -> seen.add(order.id()));
            assertTrue(page.items().size() <= 2);
            after = page.next();
            pages++;
        } while (after != null);
        assertEquals(3, pages);
        assertEquals(placed.stream().map(Order::id).sorted((a, b) -> Long.compare(b, a)).toList(), seen);
        Order newest = bruno.shop().orders(1, null).items().get(0);
        assertEquals(new BigDecimal("15.00"), newest.total());
        assertEquals(2, newest.lines().size(), "each order with all its lines");

        String script = server.openSsh().signedUp("olga").ssh();
        assertEquals("", ok(script + " orders list --limit 5"), "no orders, no lines, no next");
        String all = ok(brunoSsh + " orders list");
        assertEquals(5, all.lines().count(), "every order without options: " + all);
        String first = ok(brunoSsh + " orders list --limit 4");
        assertEquals(5, first.lines().count());
        assertTrue(first.lines().toList().get(4).matches("\\{\"next\":\"\\d+\"}"), first);
    }

    @Test
    void badPagesAreRefusedAndChangeNothing() throws Exception {
        for (String bad : List.of("--limit 0", "--limit 201", "--after abc", "--after -4")) {
            Processes.Result refused = server.openSsh().shell(brunoSsh + " orders list " + bad);
            assertEquals(1, refused.exitCode(), bad + ": " + refused.stdout());
            assertTrue(refused.stderr().contains("\"error\":\"invalid_argument\""), refused.stderr());
        }
        Processes.Result word = server.openSsh().shell(brunoSsh + " orders totals --by year");
        assertEquals(2, word.exitCode());
        assertTrue(word.stderr().contains("day, week, month or image"), word.stderr());
        Processes.Result missing = server.openSsh().shell(brunoSsh + " orders totals");
        assertEquals(2, missing.exitCode(), "--by is required");
        assertEquals(5, ok(brunoSsh + " orders list").lines().count(), "the session goes on");
    }

    @Test
    void totalsAddUpWhatOthersBoughtPerPeriodAndPerImage() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<SalesTotal> days = sara.shop().salesTotals(SalesGrouping.DAY, 10, null).items();
        assertEquals(1, days.size());
        SalesTotal day = days.get(0);
        assertEquals(today, day.period());
        assertEquals(15, day.units(), "her own purchase is not a sale");
        assertEquals(new BigDecimal("75.00"), day.revenue());
        assertEquals(5, day.orders());
        assertEquals(today.substring(0, 7), sara.shop().salesTotals(SalesGrouping.MONTH, 10, null).items().get(0)
                .period());

        Page<SalesTotal> first = sara.shop().salesTotals(SalesGrouping.IMAGE, 1, null);
        SalesTotal best = first.items().get(0);
        assertEquals(poster.id(), best.image(), "the highest revenue first");
        assertEquals("Poster", best.name());
        assertEquals(5, best.units());
        assertEquals(new BigDecimal("50.00"), best.revenue());
        Page<SalesTotal> second = sara.shop().salesTotals(SalesGrouping.IMAGE, 1, first.next());
        assertEquals(print.id(), second.items().get(0).image());
        assertEquals(10, second.items().get(0).units());
        assertNull(second.next());
        assertTrue(bruno.shop().salesTotals(SalesGrouping.WEEK, 10, null).items().isEmpty(), "bruno sold nothing");

        String wire = ok(saraSsh + " orders totals --by image --limit 5");
        assertTrue(wire.lines().toList().get(0).matches("\\{\"image\":" + poster.id()
                + ",\"name\":\"Poster\",\"units\":5,\"revenue\":\"50.00\",\"orders\":5}"), wire);
    }

    private String ok(String script) throws Exception {
        Processes.Result result = server.openSsh().shell(script);
        assertEquals(0, result.exitCode(), script + "\n" + result.stderr() + result.stdout());
        return result.stdout();
    }
}
