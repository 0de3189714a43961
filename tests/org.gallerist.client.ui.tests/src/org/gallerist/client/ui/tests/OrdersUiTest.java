package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.client.ui.shop.OrdersPart;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Orders part in a real window against the real server: a buyer's three orders newest first with their totals,
 * the chosen order's lines with thumbnails and prices as paid, and a line's original saved byte for byte.
 */
class OrdersUiTest {
    private static final long WAIT_MS = 60_000;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @Test
    void listsTheBuyersOrdersAndSavesABoughtOriginal() throws Exception {
        UiTestSupport.requireDisplay();
        Display display = Display.getDefault();
        GalleristSession sara = server.signedUp("sara");
        GalleristSession bruno = server.signedUp("bruno");
        byte[] harbourBytes = Pictures.png(display, 51);
        Image harbour = sara.images().add(new NewImage("Harbour at dawn", "", List.of(), new BigDecimal("12.00"), 9,
                Visibility.PUBLIC), harbourBytes);
        Image boats = sara.images().add(new NewImage("Boats", "", List.of(), new BigDecimal("3.50"), 9,
                Visibility.PUBLIC), Pictures.png(display, 52));
        bruno.shop().place(List.of(new OrderRequest(boats.id(), 1)));
        bruno.shop().place(List.of(new OrderRequest(boats.id(), 2)));
        long newest = bruno.shop().place(List.of(new OrderRequest(harbour.id(), 1), new OrderRequest(boats.id(), 3)))
                .id();
        sara.images().update(harbour.id(), new org.gallerist.api.image.ImageChanges(null, null, null,
                new BigDecimal("99.00"), null, null));

        try (PartWindow window = new PartWindow(server, bruno, "Orders", 720, 560)) {
            OrdersPart part = window.open(OrdersPart.class);
            UiTestSupport.spinUntil(display, () -> part.orders().items().size() == 3, WAIT_MS, "the three orders");
            assertEquals("3 orders", UiTestSupport.widget(window.shell, Label.class, OrdersPart.WidgetName.SUMMARY)
                    .getText());
            Table orders = UiTestSupport.widget(window.shell, Table.class, OrdersPart.WidgetName.ORDERS);
            assertEquals("#" + newest, orders.getItem(0).getText(1), "newest first");
            assertEquals("4 items in 2 lines", orders.getItem(0).getText(2));
            assertEquals("22.50", orders.getItem(0).getText(3), "prices as paid, not as they are now");
            assertEquals("3.50", orders.getItem(2).getText(3));

            orders.setSelection(0);
            orders.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            Table lines = UiTestSupport.widget(window.shell, Table.class, OrdersPart.WidgetName.LINES);
            UiTestSupport.spinUntil(display, () -> lines.getItemCount() == 2, WAIT_MS, "the newest order's lines");
            assertEquals("Harbour at dawn by sara", lines.getItem(0).getText(0));
            assertEquals("12.00", lines.getItem(0).getText(2));
            assertEquals("10.50", lines.getItem(1).getText(3));
            lines.setSelection(0);
            lines.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            assertTrue(UiTestSupport.widget(window.shell, Button.class, OrdersPart.WidgetName.DOWNLOAD).isEnabled());
            UiTestSupport.settle(display, 1500);
            UiTestSupport.screenshot(window.shell, "orders");

            Path target = server.folder().resolve("bought.png");
            AtomicReference<String> told = new AtomicReference<>();
            part.saveOriginal(bruno.images().show(harbour.id()), target, told::set);
            UiTestSupport.spinUntil(display, () -> told.get() != null, WAIT_MS, "the download");
            assertTrue(told.get().startsWith("Saved the original of \"Harbour at dawn\""), told.get());
            assertArrayEquals(harbourBytes, Files.readAllBytes(target), "the original, byte for byte");
        }
    }
}
