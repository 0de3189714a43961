package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Buying through the typed client API: all lines or none, stock in the same transaction, one winner for the last item. */
class OrdersOverSshTest {

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    private static Image sell(GalleristSession seller, int seed, String name, String price, int quantity,
            Visibility visibility) throws Exception {
        return seller.images().add(new NewImage(name, "", List.of("shop"), new BigDecimal(price), quantity, visibility),
                TestImages.png(seed, 48, 48));
    }

    @Test
    void anOrderBuysEveryLineAtTodaysPriceAndDecrementsStock() throws Exception {
        GalleristSession seller = server.signedUp("seller");
        GalleristSession buyer = server.signedUp("buyer");
        Image poster = sell(seller, 1, "Poster", "10.00", 5, Visibility.PUBLIC);
        Image print = sell(seller, 2, "Print", "2.50", 1, Visibility.PUBLIC);

        Order order = buyer.shop().place(List.of(new OrderRequest(poster.id(), 2), new OrderRequest(print.id(), 1)));
        assertEquals(new BigDecimal("22.50"), order.total());
        assertEquals(3, seller.images().show(poster.id()).quantity());
        assertEquals(0, seller.images().show(print.id()).quantity());

        seller.images().update(poster.id(), new ImageChanges(null, null, null, new BigDecimal("99.00"), null, null));
        Order listed = buyer.shop().orders().get(0);
        assertEquals(new BigDecimal("10.00"), listed.lines().get(0).unitPrice(), "the price of the moment is kept");
        assertEquals(1, seller.shop().sales().size());
        assertTrue(buyer.shop().sales().isEmpty());
    }

    @Test
    void aShortLineFailsTheWholeOrderAndNamesItsStock() throws Exception {
        GalleristSession seller = server.signedUp("seller");
        GalleristSession buyer = server.signedUp("buyer");
        Image plenty = sell(seller, 3, "Plenty", "1.00", 10, Visibility.PUBLIC);
        Image scarce = sell(seller, 4, "Scarce", "1.00", 1, Visibility.PUBLIC);
        Image soldOut = sell(seller, 5, "Sold out", "1.00", 0, Visibility.PUBLIC);
        Image hidden = sell(seller, 6, "Hidden", "1.00", 3, Visibility.PRIVATE);

        GalleristException short1 = assertThrows(GalleristException.class, () -> buyer.shop().place(List.of(
                new OrderRequest(plenty.id(), 4), new OrderRequest(scarce.id(), 2), new OrderRequest(soldOut.id(), 1))));
        assertEquals(ErrorCode.INSUFFICIENT_STOCK, short1.code());
        assertTrue(short1.getMessage().contains("#" + scarce.id()) && short1.getMessage().contains("#" + soldOut.id()),
                short1.getMessage());
        assertEquals(10, seller.images().show(plenty.id()).quantity(), "nothing was taken");

        assertEquals(ErrorCode.NOT_FOUND, assertThrows(GalleristException.class,
                () -> buyer.shop().place(List.of(new OrderRequest(hidden.id(), 1)))).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalleristException.class,
                () -> buyer.shop().place(List.of(new OrderRequest(plenty.id(), 0)))).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalleristException.class,
                () -> buyer.shop().place(List.of())).code());
        assertTrue(buyer.shop().orders().isEmpty());
    }

    @Test
    void concurrentBuyersOfTheLastItemHaveExactlyOneWinner() throws Exception {
        GalleristSession seller = server.signedUp("seller");
        Image last = sell(seller, 7, "The last one", "5.00", 1, Visibility.PUBLIC);
        List<GalleristSession> buyers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            buyers.add(server.signedUp("buyer" + i));
        }
        assertEquals(1, LastItemRace.winners(last.id(), buyers));
        assertEquals(0, seller.images().show(last.id()).quantity());
    }

    @Test
    void aRepeatedRequestKeyReturnsTheFirstOrderAndTakesStockOnce() throws Exception {
        GalleristSession seller = server.signedUp("seller");
        GalleristSession buyer = server.signedUp("buyer");
        GalleristSession other = server.signedUp("other");
        Image poster = sell(seller, 8, "Poster", "3.00", 10, Visibility.PUBLIC);
        byte[] twoPosters = ("[{\"image\": " + poster.id() + ", \"quantity\": 2}]").getBytes(StandardCharsets.UTF_8);
        String key = "6f1c2a0e-7d4b-4c1e-9a55-0b8e2f3d4c5a";

        Map<String, Object> first = buyer.exec(List.of("orders", "place", "--request", key), twoPosters).get(0);
        Map<String, Object> repeated = buyer.exec(List.of("orders", "place", "--request=" + key), twoPosters).get(0);
        assertEquals(first, repeated, "the same order, as it was placed");
        assertEquals(8, seller.images().show(poster.id()).quantity(), "stock went down once");
        assertEquals(1, buyer.shop().orders().size());

        Map<String, Object> others = other.exec(List.of("orders", "place", "--request", key), twoPosters).get(0);
        assertTrue(!others.get("id").equals(first.get("id")), "keys are per buyer");
        assertEquals(6, seller.images().show(poster.id()).quantity());

        byte[] threePosters = ("[{\"image\": " + poster.id() + ", \"quantity\": 3}]").getBytes(StandardCharsets.UTF_8);
        GalleristException reused = assertThrows(GalleristException.class,
                () -> buyer.exec(List.of("orders", "place", "--request", key), threePosters));
        assertEquals(ErrorCode.INVALID_ARGUMENT, reused.code());
        assertTrue(reused.getMessage().contains("#" + first.get("id")), reused.getMessage());

        for (String bad : List.of("short", "has space in it", "x".repeat(65), "semi;colon-key")) {
            GalleristException malformed = assertThrows(GalleristException.class,
                    () -> buyer.exec(List.of("orders", "place", "--request", bad), twoPosters));
            assertEquals(bad.length() > 64 ? ErrorCode.TOO_LONG : ErrorCode.INVALID_ARGUMENT, malformed.code(), bad);
            assertTrue(malformed.getMessage().contains("request key"), malformed.getMessage());
        }
        assertEquals(ErrorCode.USAGE, assertThrows(GalleristException.class,
                () -> buyer.exec(List.of("orders", "place", "--request"), twoPosters)).code());
        assertEquals(6, seller.images().show(poster.id()).quantity(), "refused requests took nothing");
        assertEquals(1, buyer.shop().orders().size());
    }
}
