package org.gallerist.client.core.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.gallerist.api.client.ServerAddress;
import org.gallerist.api.image.Image;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.client.core.ClientHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CartTest {
    private static final Image ROCKET = FakeStore.image(1, "Rocket", "12.50", 3);
    private static final Image COFFEE = FakeStore.image(2, "Coffee", "0.99", 10);
    private static final Image SOLD_OUT = FakeStore.image(3, "Gone", "5", 0);

    @TempDir
    Path folder;

    @Test
    void addingAgainIncrementsUpToTheStockAndNoFurther() {
        Cart cart = new Cart();
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(AddOutcome.Added.class, cart.add(ROCKET));
        }
        AddOutcome fourth = cart.add(ROCKET);
        assertEquals("The cart already holds all 3 of 'Rocket' in stock.",
                assertInstanceOf(AddOutcome.OutOfStock.class, fourth).message());
        assertEquals(3, cart.quantity(1));
        assertEquals(1, cart.lines().size());
        assertTrue(cart.contains(1));
        assertFalse(cart.contains(2));
    }

    @Test
    void aSoldOutImageIsNotAdded() {
        Cart cart = new Cart();
        assertEquals("'Gone' is sold out.", assertInstanceOf(AddOutcome.OutOfStock.class, cart.add(SOLD_OUT)).message());
        assertTrue(cart.isEmpty());
    }

    @Test
    void moreThanTheStockIsRefusedAndTheStockIsNamed() {
        Cart cart = new Cart();
        cart.add(ROCKET);
        QuantityEdit edit = cart.changeQuantity(1, "4");
        assertEquals("Only 3 of 'Rocket' in stock.", assertInstanceOf(QuantityEdit.Refused.class, edit).message());
        assertEquals(1, cart.quantity(1));
        assertInstanceOf(QuantityEdit.Changed.class, cart.changeQuantity(1, " 3 "));
        assertEquals(3, cart.quantity(1));
    }

    @Test
    void zeroOnlyAsksForConfirmationAndRemoveThenRemoves() {
        Cart cart = new Cart();
        cart.add(ROCKET);
        cart.add(COFFEE);
        assertInstanceOf(QuantityEdit.ConfirmRemoval.class, cart.changeQuantity(1, "0"));
        assertEquals(1, cart.quantity(1), "nothing removed before the user confirms");
        cart.remove(1);
        assertEquals(List.of(2L), cart.lines().stream().map(CartLine::imageId).toList());
    }

    @Test
    void textThatIsNotAWholeNumberIsRefused() {
        Cart cart = new Cart();
        cart.add(ROCKET);
        for (String text : List.of("", "two", "1.5", "-1")) {
            assertInstanceOf(QuantityEdit.Refused.class, cart.changeQuantity(1, text), text);
        }
        assertEquals(1, cart.quantity(1));
    }

    @Test
    void totalsHaveTwoPlaces() {
        Cart cart = new Cart();
        assertEquals(new BigDecimal("0.00"), cart.total());
        cart.add(ROCKET);
        cart.add(ROCKET);
        cart.add(COFFEE);
        cart.changeQuantity(2, 3);
        assertEquals(new BigDecimal("25.00"), cart.line(1).orElseThrow().total());
        assertEquals(new BigDecimal("2.97"), cart.line(2).orElseThrow().total());
        assertEquals(new BigDecimal("27.97"), cart.total());
        assertEquals(5, cart.itemCount());
        assertEquals(List.of(new OrderRequest(1, 2), new OrderRequest(2, 3)), cart.orderRequests());
    }

    @Test
    void refreshTakesTheServersStockAndGoneImagesHaveNone() {
        Cart cart = new Cart();
        cart.add(ROCKET);
        cart.add(COFFEE);
        cart.changeQuantity(1, 3);
        cart.refresh(Map.of(1L, FakeStore.image(1, "Rocket launch", "13.00", 2)), Set.of(2L));
        CartLine rocket = cart.line(1).orElseThrow();
        assertEquals("Rocket launch", rocket.name());
        assertEquals(2, rocket.stock());
        assertTrue(rocket.exceedsStock());
        assertEquals(0, cart.line(2).orElseThrow().stock());
    }

    @Test
    void theCartSurvivesARestartPerUserAndServer() {
        ClientHome home = new ClientHome(folder);
        CartOwner alice = new CartOwner(new ServerAddress("127.0.0.1", 2222), "alice");
        CartOwner bob = new CartOwner(new ServerAddress("127.0.0.1", 2222), "bob");
        Cart cart = new Cart();
        cart.bind(new CartStore(alice.file(home)));
        cart.add(ROCKET);
        cart.add(ROCKET);
        cart.add(COFFEE);
        cart.bind(new CartStore(bob.file(home)));
        assertTrue(cart.isEmpty(), "bob's cart is his own");
        cart.unbind();
        assertTrue(cart.isEmpty());

        Cart restarted = new Cart();
        restarted.bind(new CartStore(alice.file(home)));
        assertEquals(List.of(CartLine.of(ROCKET, 2), CartLine.of(COFFEE, 1)), restarted.lines());
        assertEquals(new BigDecimal("25.99"), restarted.total());
    }

    @Test
    void aCorruptFileIsSetAsideAndTheCartStartsEmpty() throws Exception {
        Path file = folder.resolve("carts/alice@h_1.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "version=1\nlines=2\nline.0.image=1\nline.0.name=Rocket\nline.0.price=abc\n");
        Cart cart = new Cart();
        cart.bind(new CartStore(file));
        assertTrue(cart.isEmpty());
        assertTrue(Files.exists(file.resolveSibling("alice@h_1.properties.corrupt")), "kept for inspection");

        cart.add(COFFEE);
        Cart again = new Cart();
        again.bind(new CartStore(file));
        assertEquals(1, again.quantity(2), "saving works again");
    }

    @Test
    void fileNamesStaySafeWhateverTheHostAndUser() {
        Path file = new CartOwner(new ServerAddress("fe80::1%eth0", 22), "a/b").file(new ClientHome(folder));
        assertEquals(folder.resolve("carts"), file.getParent());
        assertEquals("a_b@fe80__1_eth0_22.properties", file.getFileName().toString());
    }

    @Test
    void listenersHearEveryChange() {
        Cart cart = new Cart();
        AtomicInteger calls = new AtomicInteger();
        Runnable stop = cart.addListener(calls::incrementAndGet);
        cart.add(ROCKET);
        cart.changeQuantity(1, 2);
        cart.remove(1);
        cart.clear();
        assertEquals(4, calls.get());
        stop.run();
        cart.add(COFFEE);
        assertEquals(4, calls.get());
    }

    @Test
    void aCartThatCannotBeSavedStillWorksAndSaysSo() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");
        Cart cart = new Cart();
        cart.bind(new CartStore(notAFolder.resolve("cart.properties")));
        assertEquals(AddOutcome.Added.class, cart.add(ROCKET).getClass());
        assertEquals(1, cart.quantity(1));
        assertTrue(cart.saveProblem().orElseThrow().contains("could not be saved"));
    }
}
