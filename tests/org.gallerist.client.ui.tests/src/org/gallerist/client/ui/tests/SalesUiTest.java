package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.api.order.SalesGrouping;
import org.gallerist.client.ui.shop.SalesPart;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Sales part in a real window against the real server: what two buyers bought of the seller's images, totalled
 * for today and per image (best first), the seller's own purchase left out, and the revenue drawn by JFreeChart.
 */
class SalesUiTest {
    private static final long WAIT_MS = 60_000;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @Test
    void totalsTheSellersSalesAndChartsTheRevenue() throws Exception {
        UiTestSupport.requireDisplay();
        Display display = Display.getDefault();
        GalleristSession sara = server.signedUp("sara");
        GalleristSession bruno = server.signedUp("bruno");
        GalleristSession clara = server.signedUp("clara");
        Image poster = sara.images().add(new NewImage("Poster", "", List.of(), new BigDecimal("20.00"), 50,
                Visibility.PUBLIC), Pictures.png(display, 61));
        Image card = sara.images().add(new NewImage("Card", "", List.of(), new BigDecimal("1.50"), 50,
                Visibility.PUBLIC), Pictures.png(display, 62));
        bruno.shop().place(List.of(new OrderRequest(poster.id(), 1), new OrderRequest(card.id(), 4)));
        clara.shop().place(List.of(new OrderRequest(card.id(), 2)));
        sara.shop().place(List.of(new OrderRequest(poster.id(), 1)));

        try (PartWindow window = new PartWindow(server, sara, "Sales", 820, 620)) {
            SalesPart part = window.open(SalesPart.class);
            UiTestSupport.spinUntil(display, () -> part.periods().items().size() == 1
                    && part.images().items().size() == 2, WAIT_MS, "today's total and the two images");
            assertEquals("Sold 7 items for 29.00", UiTestSupport.widget(window.shell, Label.class,
                    SalesPart.WidgetName.SUMMARY).getText(), "her own purchase is no sale");
            Table periods = UiTestSupport.widget(window.shell, Table.class, SalesPart.WidgetName.PERIODS);
            assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), periods.getItem(0).getText(0));
            assertEquals("2", periods.getItem(0).getText(3), "two orders");
            Table images = UiTestSupport.widget(window.shell, Table.class, SalesPart.WidgetName.IMAGES);
            assertEquals("Poster (#" + poster.id() + ")", images.getItem(0).getText(0), "the highest revenue first");
            assertEquals("6", images.getItem(1).getText(1));
            assertEquals("9.00", images.getItem(1).getText(2));
            UiTestSupport.settle(display, 1500);
            assertTrue(colours(UiTestSupport.widget(window.shell, Canvas.class, SalesPart.WidgetName.CHART)) > 3,
                    "a chart is drawn, not a blank canvas");
            UiTestSupport.screenshot(window.shell, "sales");

            part.group(SalesGrouping.MONTH);
            UiTestSupport.spinUntil(display, () -> !part.periods().isLoading() && !part.periods().items().isEmpty()
                    && part.periods().items().get(0).period().length() == 7, WAIT_MS, "the month's total");
            assertEquals(new BigDecimal("29.00"), part.periods().items().get(0).revenue());
        }
    }

    private static int colours(Canvas canvas) {
        Point size = canvas.getSize();
        org.eclipse.swt.graphics.Image copy = new org.eclipse.swt.graphics.Image(canvas.getDisplay(), size.x, size.y);
        GC gc = new GC(canvas);
        try {
            gc.copyArea(copy, 0, 0);
            ImageData data = copy.getImageData();
            Set<Integer> seen = new HashSet<>();
            for (int y = 0; y < data.height; y += 7) {
                for (int x = 0; x < data.width; x += 7) {
                    seen.add(data.getPixel(x, y));
                }
            }
            return seen.size();
        } finally {
            gc.dispose();
            copy.dispose();
        }
    }
}
