package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.api.client.DeleteResult;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.SessionState;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.LoopbackProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests whose answer is lost: the server runs them, then the connection is cut before the answer arrives (a
 * loopback proxy holds it back). The client reconnects, sends what is safe to send again, and nothing is applied
 * twice. Each user also has a direct session, past the proxy, to see what the server holds.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LostAnswersTest {

    private static final ImageQuery MINE = new ImageQuery(List.of(), false, "", true, 50, null);
    private static final String PUBLIC_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFoaqb52cFvIjL1bCzFr6RfokSNaWFY3xLuLoyNargRG bob@laptop";

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    private LoopbackProxy proxy;
    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() throws Exception {
        proxy = server.closeBeforeStop(LoopbackProxy.to(server.address())); // after the sessions
    }

    @AfterEach
    void stop() throws Exception {
        caller.shutdownNow();
        assertTrue(caller.awaitTermination(30, TimeUnit.SECONDS));
    }

    /** Starts the request on another thread with its answer held back, waits until the server has done it, cuts. */
    private <T> T loseTheAnswer(Callable<T> request, BooleanSupplier serverDidIt) throws Exception {
        int connections = proxy.connectionsAccepted();
        proxy.holdAnswerToNextRequest();
        Future<T> result = caller.submit(request);
        assertTrue(proxy.awaitHeldAnswer(30, TimeUnit.SECONDS), "the server answered and the answer was held");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!serverDidIt.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "the server did not do the request");
            Thread.sleep(20);
        }
        assertTrue(!result.isDone(), "the answer has not reached the caller");
        proxy.cut();
        T value = result.get(60, TimeUnit.SECONDS);
        assertEquals(connections + 1, proxy.connectionsAccepted(), "the client logged in again once");
        return value;
    }

    @Test
    void readsAreSentAgainAfterTheConnectionIsCut() throws Exception {
        server.signUp("bob");
        GalleristSession bob = server.logIn("bob", proxy.address());
        Image image = bob.images().add(new NewImage("Kept", "", List.of("sea"), BigDecimal.ONE, 1, Visibility.PUBLIC),
                TestImages.png(40, 64, 64));

        List<Image> listed = loseTheAnswer(() -> bob.images().list(MINE).items(), () -> true);
        assertEquals(List.of(image.id()), listed.stream().map(Image::id).toList());

        proxy.cut(); // nothing in flight: the next request finds the connection gone and logs in again
        assertEquals("bob", bob.whoami().name());
        assertEquals(image, bob.images().show(image.id()));
        assertEquals(SessionState.CONNECTED, bob.state());
    }

    @Test
    void anUploadWhoseAnswerWasLostIsStoredOnce() throws Exception {
        server.signUp("bob");
        GalleristSession bob = server.logIn("bob", proxy.address());
        GalleristSession bobDirect = server.logIn("bob", server.address());
        byte[] png = TestImages.png(41, 320, 240);
        NewImage sunset = new NewImage("Sunset", "Red sky", List.of("sky"), new BigDecimal("4.50"), 3,
                Visibility.PUBLIC);

        Image returned = loseTheAnswer(() -> bob.images().add(sunset, png),
                () -> !bobDirect.images().list(MINE).items().isEmpty());

        List<Image> stored = bobDirect.images().list(MINE).items();
        assertEquals(1, stored.size(), "one copy: " + stored);
        assertEquals(stored.get(0), returned, "the caller gets the image its upload stored");
        assertEquals("Sunset", returned.name());

        GalleristException again = assertThrows(GalleristException.class, () -> bob.images().add(sunset, png));
        assertEquals(ErrorCode.DUPLICATE, again.code(), "a deliberate second upload is still a duplicate");
        assertTrue(again.getMessage().contains("#" + returned.id()), again.getMessage());
    }

    @Test
    void anOrderWhoseAnswerWasLostIsPlacedOnce() throws Exception {
        server.signUp("seller");
        server.signUp("buyer");
        GalleristSession seller = server.logIn("seller", server.address());
        GalleristSession buyer = server.logIn("buyer", proxy.address());
        GalleristSession buyerDirect = server.logIn("buyer", server.address());
        Image print = seller.images().add(new NewImage("Print", "", List.of(), new BigDecimal("2.00"), 5,
                Visibility.PUBLIC), TestImages.png(42, 48, 48));

        Order order = loseTheAnswer(() -> buyer.shop().place(List.of(new OrderRequest(print.id(), 2))),
                () -> seller.images().show(print.id()).quantity() < 5);

        assertEquals(3, seller.images().show(print.id()).quantity(), "stock went down once");
        List<Order> orders = buyerDirect.shop().orders();
        assertEquals(1, orders.size(), "one order: " + orders);
        assertEquals(orders.get(0).id(), order.id(), "the caller gets the order its first try placed");
        assertEquals(new BigDecimal("4.00"), order.total());
    }

    @Test
    void aDeleteOrAKeyChangeWhoseAnswerWasLostCountsAsDone() throws Exception {
        server.signUp("bob");
        GalleristSession bob = server.logIn("bob", proxy.address());
        GalleristSession bobDirect = server.logIn("bob", server.address());
        long a = bob.images().add(new NewImage("A", "", List.of(), BigDecimal.ONE, 1, Visibility.PUBLIC),
                TestImages.png(43, 40, 40)).id();
        long b = bob.images().add(new NewImage("B", "", List.of(), BigDecimal.ONE, 1, Visibility.PUBLIC),
                TestImages.png(44, 40, 40)).id();

        List<DeleteResult> deleted = loseTheAnswer(() -> bob.images().delete(List.of(a, b)),
                () -> bobDirect.images().list(MINE).items().isEmpty());
        assertEquals(List.of(new DeleteResult(a, true, null, ""), new DeleteResult(b, true, null, "")), deleted);

        AuthorizedKey added = loseTheAnswer(() -> bob.addKey(PUBLIC_KEY), () -> !bobDirect.keys().isEmpty());
        assertEquals(bobDirect.keys(), List.of(added), "the key the first try added, once");
        loseTheAnswer(() -> {
            bob.removeKey(added.fingerprint());
            return null;
        }, () -> bobDirect.keys().isEmpty());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(GalleristException.class,
                () -> bob.removeKey(added.fingerprint())).code(), "a deliberate second remove still finds nothing");
    }
}
