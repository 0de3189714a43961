package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.PostgresEngine;
import org.gallerist.tests.harness.SharedPostgres;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** The real server bundles with their rows in a real PostgreSQL 15 ({@code database} set), over real SSH. */
class PostgresStorageTest {

    @RegisterExtension
    final SharedPostgres postgres = new SharedPostgres();

    @RegisterExtension
    final GalleristServerExtension server = GalleristServerExtension.fresh();

    /** The URL as an operator may give it, with the login in its parameters. */
    private static String withLogin(String url) {
        return url + "?user=" + PostgresEngine.USER + "&password=" + PostgresEngine.PASSWORD.replace(" ", "%20");
    }

    @Test
    void theShopRunsOnPostgresqlAndItsRowsAreThereAfterARestart() throws Exception {
        String url = postgres.newDatabase();
        server.startWith(Map.of("database", withLogin(url)));
        GalleristSession seller = server.signedUp("seller");
        GalleristSession buyer = server.signedUp("buyer");
        byte[] content = TestImages.png(7, 64, 48);
        Image poster = seller.images().add(new NewImage("Poster", "red", List.of("shop", "red"),
                new BigDecimal("12.50"), 3, Visibility.PUBLIC), content);
        seller.images().add(new NewImage("Draft", "", List.of("red"), BigDecimal.ZERO, 0, Visibility.PRIVATE),
                TestImages.png(8, 64, 48));

        assertEquals(ErrorCode.DUPLICATE, assertThrows(GalleristException.class, () -> seller.images().add(
                new NewImage("Again", "", List.of(), BigDecimal.ONE, 1, Visibility.PUBLIC), content)).code(),
                "one content hash per owner, as on Derby");
        assertEquals(List.of("Poster"), buyer.images().list(new ImageQuery(List.of("red"), false, "", false, 60,
                null)).items().stream().map(Image::name).toList(), "the draft is private");
        assertEquals(poster.id(), buyer.images().similar(content, 1, List.of()).get(0).image().id());
        buyer.shop().place(List.of(new OrderRequest(poster.id(), 2)));
        assertEquals(1, seller.images().show(poster.id()).quantity());

        assertFalse(Files.exists(server.dataDir().resolve("db")), "no embedded Derby beside PostgreSQL");
        assertEquals(2L, count(url, "SELECT COUNT(*) FROM images"), "the rows are PostgreSQL's");
        assertEquals(1L, count(url, "SELECT COUNT(*) FROM orders"));

        server.stop();
        server.startAgain();
        GalleristSession again = server.logIn("buyer");
        assertEquals(1, again.shop().orders().size(), "nothing acknowledged was lost");
        assertArrayEquals(content, again.images().content(poster.id(), ImageSize.ORIGINAL));
    }

    @Test
    void theLastItemBoughtByManyAtOnceHasExactlyOneWinner() throws Exception {
        server.startWith(Map.of("database", withLogin(postgres.newDatabase())));
        GalleristSession seller = server.signedUp("seller");
        Image last = seller.images().add(new NewImage("Last", "", List.of(), BigDecimal.TEN, 1, Visibility.PUBLIC),
                TestImages.png(9, 32, 32));
        int buyers = 6;
        List<GalleristSession> sessions = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            sessions.add(server.signedUp("buyer" + i));
        }
        assertEquals(1, LastItemRace.winners(last.id(), sessions), "as on Derby (OrdersOverSshTest)");
        assertEquals(0, seller.images().show(last.id()).quantity());
    }

    @Test
    void aDatabaseThatCannotBeOpenedStopsTheStartWithOneClearReason() throws Exception {
        String url = postgres.newDatabase();
        String refused = assertThrows(TestServer.ServerStartFailed.class, () -> server.startWith(Map.of("database",
                url + "?user=" + PostgresEngine.USER + "&password=wrong"))).getMessage();
        assertTrue(refused.startsWith("Cannot open PostgreSQL at 127.0.0.1:"), refused);
        assertTrue(refused.contains("password authentication failed"), refused);
        assertFalse(refused.contains("wrong"), "the password is not repeated: " + refused);

        server.startWith(Map.of("database", withLogin(url)));
        assertEquals("alice", server.signedUp("alice").whoami().name(), "a corrected URL starts it");
    }

    @Test
    void aDatabaseThatGoesAwayFailsRequestsClearlyAndTheNodeRecoversWhenItIsBack() throws Exception {
        try (PostgresEngine own = PostgresEngine.start()) {
            server.startWith(Map.of("database", withLogin(own.createDatabase("shop"))));
            GalleristSession alice = server.signedUp("alice");
            Image kept = alice.images().add(new NewImage("Kept", "", List.of(), BigDecimal.ONE, 1,
                    Visibility.PUBLIC), TestImages.png(11, 32, 32));

            own.stop();
            GalleristException down = assertThrows(GalleristException.class, () -> alice.images().show(kept.id()));
            assertEquals(ErrorCode.UNAVAILABLE, down.code(), down.getMessage());
            assertFalse(down.getMessage().contains("127.0.0.1") || down.getMessage().contains("SQL"),
                    down.getMessage());

            own.startServer();
            assertEquals("Kept", alice.images().show(kept.id()).name(),
                    "back without a restart of the node, on the same session");
        }
    }

    private static long count(String url, String query) throws Exception {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser(PostgresEngine.USER);
        source.setPassword(PostgresEngine.PASSWORD);
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
