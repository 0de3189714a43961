package org.gallerist.storage.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.order.Order;
import org.gallerist.api.order.OrderLine;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.spi.storage.ImageRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.gallerist.tests.harness.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = { EngineUnderTest.DERBY, EngineUnderTest.POSTGRESQL })
class JdbcOrderStoreTest {

    @Parameter
    String kind;

    @RegisterExtension
    final SharedPostgres postgres = new SharedPostgres();

    @TempDir
    Path dataDir;

    private EngineUnderTest engine;
    private JdbcDatabase database;
    private JdbcImageStore images;
    private JdbcOrderStore orders;

    @BeforeEach
    void open() throws Exception {
        database = (engine = EngineUnderTest.start(kind, dataDir, postgres)).database();
        JdbcAccountStore accounts = new JdbcAccountStore(database);
        for (String name : List.of("admin", "alice", "bob", "carol")) {
            accounts.createUser(name, "h", List.of());
        }
        for (int i = 0; i < 8; i++) {
            accounts.createUser("buyer" + i, "h", List.of());
        }
        images = new JdbcImageStore(database);
        orders = new JdbcOrderStore(database);
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
    }

    private long add(String owner, String name, String price, int quantity, Visibility visibility) {
        String sha = TestHashes.sha256(owner + "/" + name);
        Image image = new Image(0, name, "", List.of(), new BigDecimal(price), quantity, owner, visibility, 10, 10,
                "png", 100, sha, Instant.EPOCH);
        return images.insert(new ImageRecord(image, sha, sha, sha)).image().id();
    }

    private int stock(long id) {
        return images.find(id).orElseThrow().image().quantity();
    }

    @Test
    void anOrderDecrementsStockAndRecordsThePriceAtPurchaseTime() {
        long sunset = add("alice", "Sunset", "12.50", 5, Visibility.PUBLIC);
        long harbour = add("carol", "Harbour", "3.00", 1, Visibility.PUBLIC);

        Order order = orders.place("bob", List.of(new OrderRequest(sunset, 2), new OrderRequest(harbour, 1)));
        assertEquals("bob", order.buyer());
        assertEquals(List.of(new OrderLine(sunset, "Sunset", "alice", 2, new BigDecimal("12.50")),
                new OrderLine(harbour, "Harbour", "carol", 1, new BigDecimal("3.00"))), order.lines());
        assertEquals(new BigDecimal("28.00"), order.total());
        assertEquals(3, stock(sunset));
        assertEquals(0, stock(harbour));

        // later changes to the image (and its deletion) do not rewrite history
        images.update(sunset, new ImageChanges("Renamed", null, null, new BigDecimal("99.00"), null, null));
        images.delete(harbour);
        assertEquals(List.of(order), orders.orders("bob"));
        Order second = orders.place("bob", List.of(new OrderRequest(sunset, 1)));
        assertEquals(new BigDecimal("99.00"), second.lines().get(0).unitPrice());
        assertEquals("Renamed", second.lines().get(0).name());
        assertEquals(List.of(second.id(), order.id()), orders.orders("bob").stream().map(Order::id).toList());
    }

    @Test
    void aShortLineFailsTheWholeOrderAndNamesEveryShortLine() {
        long plenty = add("alice", "Plenty", "1.00", 10, Visibility.PUBLIC);
        long sunset = add("alice", "Sunset", "1.00", 1, Visibility.PUBLIC);
        long soldOut = add("carol", "Sold out", "1.00", 0, Visibility.PUBLIC);

        GalleristException e = assertThrows(GalleristException.class, () -> orders.place("bob",
                List.of(new OrderRequest(plenty, 4), new OrderRequest(sunset, 3), new OrderRequest(soldOut, 1))));
        assertEquals(ErrorCode.INSUFFICIENT_STOCK, e.code());
        assertEquals("Not enough in stock: #" + sunset + " 'Sunset' has 1 (you asked for 3); #" + soldOut
                + " 'Sold out' has 0 (you asked for 1).", e.getMessage());
        assertEquals(10, stock(plenty), "nothing was taken");
        assertEquals(1, stock(sunset));
        assertTrue(orders.orders("bob").isEmpty());
    }

    @Test
    void invalidLinesAndInvisibleImagesChangeNothing() {
        long plenty = add("alice", "Plenty", "1.00", 10, Visibility.PUBLIC);
        long secret = add("alice", "Secret", "1.00", 10, Visibility.PRIVATE);

        assertEquals(ErrorCode.INVALID_ARGUMENT,
                assertThrows(GalleristException.class, () -> orders.place("bob", List.of())).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalleristException.class,
                () -> orders.place("bob", List.of(new OrderRequest(plenty, 1), new OrderRequest(plenty, 0)))).code());
        GalleristException hidden = assertThrows(GalleristException.class, () -> orders.place("bob",
                List.of(new OrderRequest(plenty, 1), new OrderRequest(secret, 1))));
        assertEquals(ErrorCode.NOT_FOUND, hidden.code());
        assertEquals("No image #" + secret + ".", hidden.getMessage());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(GalleristException.class,
                () -> orders.place("bob", List.of(new OrderRequest(plenty + 1000, 1)))).code());
        assertEquals(10, stock(plenty));
        assertEquals(10, stock(secret));
        assertTrue(orders.orders("bob").isEmpty());

        // the owner may buy their own private image
        orders.place("alice", List.of(new OrderRequest(secret, 1)));
        assertEquals(9, stock(secret));
    }

    @Test
    void repeatedLinesForOneImageAreMerged() {
        long sunset = add("alice", "Sunset", "2.00", 5, Visibility.PUBLIC);
        Order order = orders.place("bob", List.of(new OrderRequest(sunset, 2), new OrderRequest(sunset, 3)));
        assertEquals(List.of(new OrderLine(sunset, "Sunset", "alice", 5, new BigDecimal("2.00"))), order.lines());
        assertEquals(0, stock(sunset));
    }

    @Test
    void salesListOnlyOtherBuyersAndOnlyTheSellersLines() {
        long alices = add("alice", "Alice's", "1.00", 10, Visibility.PUBLIC);
        long carols = add("carol", "Carol's", "2.00", 10, Visibility.PUBLIC);

        Order bobs = orders.place("bob", List.of(new OrderRequest(alices, 1), new OrderRequest(carols, 2)));
        orders.place("alice", List.of(new OrderRequest(alices, 1))); // her own purchase is not a sale
        Order carolsOrder = orders.place("carol", List.of(new OrderRequest(alices, 3)));

        List<Order> sales = orders.sales("alice");
        assertEquals(List.of(carolsOrder.id(), bobs.id()), sales.stream().map(Order::id).toList());
        assertEquals(List.of(new OrderLine(alices, "Alice's", "alice", 1, new BigDecimal("1.00"))),
                sales.get(1).lines());
        assertEquals("bob", sales.get(1).buyer());
        assertEquals(List.of(new OrderLine(carols, "Carol's", "carol", 2, new BigDecimal("2.00"))),
                orders.sales("carol").get(0).lines());
        assertEquals(1, orders.sales("carol").size());
        assertTrue(orders.sales("bob").isEmpty());
        assertEquals(1, orders.orders("alice").size());
    }

    @Test
    void concurrentBuyersOfTheLastItemExactlyOneWins() throws Exception {
        long last = add("alice", "Last one", "5.00", 1, Visibility.PUBLIC);
        int buyers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < buyers; i++) {
                String buyer = "buyer" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        orders.place(buyer, List.of(new OrderRequest(last, 1)));
                        return true;
                    } catch (GalleristException e) {
                        assertEquals(ErrorCode.INSUFFICIENT_STOCK, e.code(), e.getMessage());
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, winners);
            assertEquals(0, stock(last));
            assertEquals(1, orders.sales("alice").size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentOrdersOverlappingInReverseOrderDoNotLoseStock() throws Exception {
        long a = add("alice", "A", "1.00", 100, Visibility.PUBLIC);
        long b = add("carol", "B", "1.00", 100, Visibility.PUBLIC);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Order>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                List<OrderRequest> lines = i % 2 == 0
                        ? List.of(new OrderRequest(a, 1), new OrderRequest(b, 2))
                        : List.of(new OrderRequest(b, 2), new OrderRequest(a, 1));
                String buyer = "buyer" + (i % 8);
                results.add(pool.submit(() -> orders.place(buyer, lines)));
            }
            for (Future<Order> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
            assertEquals(80, stock(a));
            assertEquals(60, stock(b));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestKeyBuysOncePerBuyerEvenWhenSentConcurrently() throws Exception {
        long sunset = add("alice", "Sunset", "2.00", 10, Visibility.PUBLIC);
        int tries = 6;
        ExecutorService pool = Executors.newFixedThreadPool(tries);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Order>> results = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return orders.place("bob", List.of(new OrderRequest(sunset, 2)), "key-0001");
                }));
            }
            start.countDown();
            Order first = results.get(0).get(60, TimeUnit.SECONDS);
            for (Future<Order> result : results) {
                assertEquals(first, result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(8, stock(sunset), "stock was taken once");
            assertEquals(List.of(first), orders.orders("bob"));
        } finally {
            pool.shutdownNow();
        }

        Order carols = orders.place("carol", List.of(new OrderRequest(sunset, 1)), "key-0001");
        assertEquals("carol", carols.buyer(), "keys are per buyer");
        orders.place("bob", List.of(new OrderRequest(sunset, 1)));
        orders.place("bob", List.of(new OrderRequest(sunset, 1)));
        assertEquals(3, orders.orders("bob").size(), "orders without a key never collide");
        assertEquals(5, stock(sunset));
    }

    @Test
    void aRepeatedKeyReturnsTheOrderAsRecordedEvenWhenStockIsGone() {
        long last = add("alice", "Last", "7.00", 1, Visibility.PUBLIC);
        Order placed = orders.place("bob", List.of(new OrderRequest(last, 1)), "retry-key-42");
        images.update(last, new ImageChanges("Renamed", null, null, new BigDecimal("1.00"), null, null));
        assertEquals(placed, orders.place("bob", List.of(new OrderRequest(last, 1)), "retry-key-42"));
        assertEquals(0, stock(last));
        assertEquals(1, orders.count());
    }
}
