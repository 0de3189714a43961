package org.gallerist.storage.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.Visibility;
import org.gallerist.api.order.OrderRequest;
import org.gallerist.spi.storage.ImageRecord;
import org.gallerist.storage.derby.EmbeddedDerby;
import org.gallerist.storage.jdbc.RowCopy;
import org.gallerist.storage.postgres.PostgresPool;
import org.gallerist.tests.harness.PostgresEngine;
import org.gallerist.tests.harness.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An embedded installation's rows copied into a real PostgreSQL 15, as {@code gallerist-server migrate} does. */
class RowCopyTest {

    private static final Map<String, String> LOGIN = Map.of("PGUSER", PostgresEngine.USER, "PGPASSWORD",
            PostgresEngine.PASSWORD);

    @TempDir
    Path dataDir;

    @RegisterExtension
    final SharedPostgres postgres = new SharedPostgres();

    private final List<String> progress = new ArrayList<>();

    private long fill(JdbcDatabase derby) {
        JdbcAccountStore accounts = new JdbcAccountStore(derby);
        accounts.createUser("alice", "hash-a", List.of(new AuthorizedKey("SHA256:k1", "ssh-ed25519", "laptop",
                "ssh-ed25519 AAAA laptop", Instant.ofEpochMilli(5))));
        accounts.createUser("bob", "hash-b", List.of());
        JdbcImageStore images = new JdbcImageStore(derby);
        JdbcVectorStore vectors = new JdbcVectorStore(derby, dataDir.resolve("vectors"));
        long first = 0;
        for (int i = 0; i < 1203; i++) { // more than two batches
            String sha = TestHashes.sha256("image " + i);
            Image image = new Image(0, "Image " + i, "", List.of("tag" + (i % 7), "all"), new BigDecimal("2.50"), 5,
                    i % 2 == 0 ? "alice" : "bob", i % 3 == 0 ? Visibility.PRIVATE : Visibility.PUBLIC, 10, 10,
                    "png", 100, sha, Instant.ofEpochMilli(i));
            long id = images.insert(new ImageRecord(image, sha, sha, sha)).image().id();
            vectors.put(id, "m1", new float[] { i, 1, 0, 0 }, List.of("cat"));
            first = first == 0 ? id : first;
        }
        // image 2 is alice's and public
        new JdbcOrderStore(derby).place("bob", List.of(new OrderRequest(first + 2, 2)), "request-1");
        return first;
    }

    @Test
    void everyRowArrivesWithItsIdsAndTheStoresOnPostgresqlServeThemAsTheyWere() throws Exception {
        String url = postgres.newDatabase();
        long first;
        try (EmbeddedDerby derby = new EmbeddedDerby(dataDir)) {
            first = fill(new JdbcDatabase(derby));
            try (PostgresPool target = new PostgresPool(url, LOGIN, 2)) {
                List<RowCopy.Copied> copied = RowCopy.copy(derby, target,
                        (table, rows, total) -> progress.add(table + " " + rows + "/" + total));
                assertEquals(new RowCopy.Copied("images", 1203, 1203), find(copied, "images"));
                assertEquals(new RowCopy.Copied("image_vectors", 1203, 1203), find(copied, "image_vectors"));
                assertEquals(new RowCopy.Copied("users", 2, 2), find(copied, "users"));
                assertTrue(progress.containsAll(List.of("images 500/1203", "images 1000/1203", "images 1203/1203")),
                        progress.toString());

                assertEquals(List.of(new RowCopy.Copied("users", 2, 0)), RowCopy.copy(derby, target, (t, r, n) -> {
                }).subList(0, 1), "a second run finds everything there and adds nothing");
            }
        }
        try (PostgresPool target = new PostgresPool(url, LOGIN, 2)) {
            JdbcDatabase moved = new JdbcDatabase(target);
            assertEquals("hash-a", new JdbcAccountStore(moved).passwordHash("alice").orElseThrow());
            assertEquals(1, new JdbcAccountStore(moved).keys("alice").size());
            JdbcImageStore images = new JdbcImageStore(moved);
            assertEquals("Image 0", images.find(first).orElseThrow().image().name());
            assertEquals(List.of("all", "tag0"), images.find(first).orElseThrow().image().tags());
            JdbcVectorStore vectors = new JdbcVectorStore(moved, dataDir.resolve("pg-vectors"));
            assertEquals(1203, vectors.count("m1"));
            assertEquals(List.of("cat"), vectors.labels(first, "m1"));
            assertEquals(3, images.find(first + 2).orElseThrow().image().quantity(), "the order took two");
            assertEquals(Visibility.PRIVATE, images.find(first).orElseThrow().image().visibility());
            assertEquals(1, new JdbcOrderStore(moved).orders("bob").size());

            String sha = TestHashes.sha256("after the move");
            long next = images.insert(new ImageRecord(new Image(0, "New", "", List.of(), BigDecimal.ONE, 1, "alice",
                    Visibility.PUBLIC, 10, 10, "png", 100, sha, Instant.now()), sha, sha, sha)).image().id();
            assertEquals(first + 1203, next, "new ids continue after the copied ones");
        }
    }

    @Test
    void aCopyIntoADatabaseWithOtherRowsFailsInsteadOfMerging() throws Exception {
        String url = postgres.newDatabase();
        try (PostgresPool target = new PostgresPool(url, LOGIN, 2)) {
            new JdbcAccountStore(new JdbcDatabase(target)).createUser("mallory", "h", List.of());
            try (EmbeddedDerby derby = new EmbeddedDerby(dataDir)) {
                new JdbcAccountStore(new JdbcDatabase(derby)).createUser("alice", "h", List.of());
                String refused = assertThrows(IllegalStateException.class, () -> RowCopy.copy(derby, target,
                        (t, r, n) -> {
                        })).getMessage();
                assertTrue(refused.startsWith("The copy of users differs from the original (1 rows there, 1 here)"),
                        refused);
            }
        }
    }

    private static RowCopy.Copied find(List<RowCopy.Copied> copied, String table) {
        return copied.stream().filter(c -> c.table().equals(table)).findFirst().orElseThrow();
    }
}
