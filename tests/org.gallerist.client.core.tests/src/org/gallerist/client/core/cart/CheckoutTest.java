package org.gallerist.client.core.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.Image;
import org.gallerist.api.order.Shortfall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckoutTest {
    @TempDir
    Path folder;

    private final FakeStore server = new FakeStore();
    private final Checkout checkout = new Checkout(server, server, Clock.systemUTC());

    @Test
    void aPlacedOrderEmptiesTheCartAndTakesTheStock() {
        Image rocket = server.put("Rocket", "12.50", 3);
        Cart cart = new Cart();
        cart.add(rocket);
        cart.add(rocket);

        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class, checkout.run(cart));
        assertEquals(new BigDecimal("25.00"), placed.order().total());
        assertFalse(placed.recovered());
        assertEquals("Thank you! Order #" + placed.order().id() + " placed: 2 \u00d7 'Rocket'; total 25.00.",
                placed.summary());
        assertFalse(placed.isProblem());
        assertTrue(cart.isEmpty());
        assertEquals(1, server.show(rocket.id()).quantity());
    }

    @Test
    void shortLinesAreNamedWithTheirStockAndTheCartTakesTheNewStock() {
        Image rocket = server.put("Rocket", "12.50", 3);
        Image coffee = server.put("Coffee; black", "1", 5);
        Cart cart = new Cart();
        cart.add(rocket);
        cart.changeQuantity(rocket.id(), 3);
        cart.add(coffee);
        server.place(List.of(new org.gallerist.api.order.OrderRequest(rocket.id(), 2)));

        CheckoutResult.Short short_ = assertInstanceOf(CheckoutResult.Short.class, checkout.run(cart));
        assertEquals(List.of(new ShortLine(rocket.id(), "Rocket", 1, 3)), short_.lines());
        assertEquals("'Rocket': 1 in stock, 3 in the cart", short_.lines().get(0).describe());
        assertEquals("Nothing was bought: not enough in stock for 'Rocket': 1 in stock, 3 in the cart. "
                + "Lower the quantities in red and check out again.", short_.summary());
        assertTrue(short_.isProblem());
        assertEquals(1, cart.line(rocket.id()).orElseThrow().stock(), "stock refreshed from the server");
        assertTrue(cart.line(rocket.id()).orElseThrow().exceedsStock());
        assertEquals(3, cart.quantity(rocket.id()), "the cart keeps what the user asked for");
        assertEquals(5, server.show(coffee.id()).quantity(), "all or nothing");
    }

    @Test
    void afterALostAnswerCheckingOutAgainFindsTheOrderInsteadOfBuyingTwice() {
        Image rocket = server.put("Rocket", "12.50", 3);
        Cart cart = new Cart();
        cart.bind(new CartStore(folder.resolve("cart.properties")));
        cart.add(rocket);
        server.dropNextAnswer = true;

        CheckoutResult.Failed lost = assertInstanceOf(CheckoutResult.Failed.class, checkout.run(cart));
        assertTrue(lost.message().contains("may have been placed"), lost.message());
        assertEquals(1, cart.quantity(rocket.id()));
        assertNotNull(cart.pendingCheckout());

        Cart restarted = new Cart();
        restarted.bind(new CartStore(folder.resolve("cart.properties")));
        assertNotNull(restarted.pendingCheckout(), "remembered across a restart");
        CheckoutResult.Placed found = assertInstanceOf(CheckoutResult.Placed.class, checkout.run(restarted));
        assertTrue(found.recovered());
        assertEquals(1, server.placeCalls, "not sent a second time");
        assertEquals(2, server.show(rocket.id()).quantity());
        assertTrue(restarted.isEmpty());
        assertNull(restarted.pendingCheckout());
    }

    @Test
    void otherFailuresAreReadableAndBuyNothing() {
        Cart cart = new Cart();
        cart.add(FakeStore.image(42, "Ghost", "1", 1));
        CheckoutResult.Failed failed = assertInstanceOf(CheckoutResult.Failed.class, checkout.run(cart));
        assertEquals("No image #42.", failed.message());
        assertEquals(0, cart.line(42).orElseThrow().stock(), "an image the server no longer shows has no stock");
        assertEquals("The cart is empty.",
                assertInstanceOf(CheckoutResult.Failed.class, checkout.run(new Cart())).message());
    }

    @Test
    void theShortLinesAreReadFromTheErrorsDetails() {
        GalleristException error = Shortfall.error(List.of(new Shortfall(4, "Scarce", 1, 2),
                new Shortfall(5, "It's gone", 0, 1)));
        assertEquals(List.of(new ShortLine(4, "Scarce", 1, 2), new ShortLine(5, "It's gone", 0, 1)),
                ShortLine.of(error));
        assertEquals("'It's gone': sold out, 1 in the cart", ShortLine.of(error).get(1).describe());
        assertTrue(ShortLine.of(new GalleristException(ErrorCode.INSUFFICIENT_STOCK, "#4 'Scarce' has 1")).isEmpty(),
                "the message is for people; only the details are read");
    }
}
