package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.server.internal.MigrateCommand;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.PostgresEngine;
import org.gallerist.tests.harness.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code gallerist-server migrate}: a shop that ran embedded moves its rows into PostgreSQL and, started on the same
 * data folder with {@code --database}, serves the same accounts, images, files and orders.
 */
class MigrateTest {

    @RegisterExtension
    final SharedPostgres postgres = new SharedPostgres();

    /** Embedded to begin with, also in a run with -Dgallerist.testDatabase=postgresql. */
    @RegisterExtension
    final GalleristServerExtension server = GalleristServerExtension.fresh().with("database", "");

    @Test
    void anEmbeddedShopMovesToPostgresqlAndGoesOnWhereItWas() throws Exception {
        GalleristSession seller = server.signedUp("seller");
        byte[] content = TestImages.png(21, 64, 48);
        Image poster = seller.images().add(new NewImage("Poster", "", List.of("shop"), new BigDecimal("4.00"), 2,
                Visibility.PUBLIC), content);
        server.signedUp("buyer").shop().place(List.of(new OrderRequest(poster.id(), 1)));
        server.stop();

        String url = postgres.newDatabase() + "?user=" + PostgresEngine.USER;
        Map<String, String> environment = Map.of("PGPASSWORD", PostgresEngine.PASSWORD);
        String said = migrate(server.dataDir(), url, environment, 0);
        assertTrue(said.contains("images: 1 of 1 rows"), said);
        assertTrue(said.contains("Copied and verified"), said);
        assertTrue(said.contains("(" + countOf(said) + " new, 0 there already)"), said);
        assertTrue(migrate(server.dataDir(), url, environment, 0).contains("(0 new, "), "a second run resumes");

        server.startWith(Map.of("database", url + "&password=" + PostgresEngine.PASSWORD.replace(" ", "%20")));
        GalleristSession buyer = server.logIn("buyer");
        assertEquals(1, buyer.shop().orders().size());
        assertEquals(List.of("Poster"), buyer.images().list(ImageQuery.all()).items().stream().map(Image::name)
                .toList());
        assertArrayEquals(content, buyer.images().content(poster.id(), ImageSize.ORIGINAL), "the files stayed");
        assertEquals(1, server.logIn("seller").images().show(poster.id()).quantity());
    }

    @Test
    void aDataFolderWithoutADatabaseOrAWrongUrlIsRefusedInOneLine() throws Exception {
        String none = migrate(server.folder().resolve("empty"), "jdbc:postgresql://127.0.0.1/x", Map.of(), 1);
        assertTrue(none.contains("holds no embedded database"), none);
        server.signedUp("alice");
        server.stop();
        String wrong = migrate(server.dataDir(), "jdbc:mysql://127.0.0.1/x", Map.of(), 1);
        assertTrue(wrong.startsWith("Gallerist migrate: Not a PostgreSQL JDBC URL"), wrong);
        assertEquals(1, wrong.strip().lines().count(), wrong);
        String usage = migrate(server.dataDir(), null, Map.of(), 2);
        assertTrue(usage.contains("Missing required option: '--database=URL'"), usage);
    }

    private static long countOf(String said) {
        String rows = said.replaceFirst("(?s).*Copied and verified (\\d+) rows.*", "$1");
        return Long.parseLong(rows);
    }

    private static String migrate(Path data, String url, Map<String, String> environment, int expectedStatus) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(output, true, StandardCharsets.UTF_8);
        List<String> args = url == null ? List.of("--from", data.toString())
                : List.of("--from", data.toString(), "--database", url);
        int status = MigrateCommand.run(args, environment, both, both);
        String said = output.toString(StandardCharsets.UTF_8);
        assertEquals(expectedStatus, status, said);
        return said;
    }
}
