package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.PostgresEngine;
import org.gallerist.tests.harness.S3ProxyServer;
import org.gallerist.tests.harness.SharedPostgres;
import org.gallerist.tests.harness.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server with its rows in PostgreSQL and its image files in an S3 bucket (S3Proxy on loopback): what one node
 * stored, a node with another data folder on the same database and bucket serves.
 */
class ObjectStoreTest {

    private static S3ProxyServer s3;
    private static int buckets;

    @RegisterExtension
    final SharedPostgres postgres = new SharedPostgres();

    @RegisterExtension
    final GalleristServerExtension server = GalleristServerExtension.fresh();

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyServer.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    private Map<String, Object> shared(String bucket) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("database", postgres.newDatabase() + "?user=" + PostgresEngine.USER + "&password="
                + PostgresEngine.PASSWORD.replace(" ", "%20"));
        settings.put("blobs", "s3://" + bucket + "/shop");
        settings.put("s3Endpoint", s3.endpoint());
        settings.put("accessKeyId", S3ProxyServer.IDENTITY);
        settings.put("secretAccessKey", S3ProxyServer.CREDENTIAL);
        return settings;
    }

    @Test
    void whatOneNodeStoredAnotherNodeWithItsOwnDataFolderServes() throws Exception {
        String bucket = s3.createBucket("shop" + ++buckets);
        Map<String, Object> node = shared(bucket);
        server.startWith(node);
        GalleristSession alice = server.signedUp("alice");
        byte[] content = TestImages.png(31, 64, 48);
        Image poster = alice.images().add(new NewImage("Poster", "", List.of("red"), BigDecimal.ONE, 2,
                Visibility.PUBLIC), content);
        assertFalse(Files.exists(server.dataDir().resolve("blobs")), "no image files in the data folder");
        try (var objects = Files.walk(s3.bucketFolder(bucket))) {
            List<Path> files = objects.filter(Files::isRegularFile).toList();
            assertTrue(files.size() >= 2, "the original and its renditions (a small one may share them): " + files);
        }
        server.stop();

        Path other = server.folder().resolve("node-b");
        try (TestServer nodeB = TestServer.start(other, node)) {
            GalleristSession bob = server.logIn("alice", nodeB.address());
            assertEquals(List.of("Poster"), bob.images().list(ImageQuery.all()).items().stream().map(Image::name)
                    .toList());
            assertArrayEquals(content, bob.images().content(poster.id(), ImageSize.ORIGINAL));
            assertTrue(bob.images().content(poster.id(), ImageSize.THUMB).length > 0);
            assertEquals(poster.id(), bob.images().similar(content, 1, List.of()).get(0).image().id());
        }
    }

    @Test
    void aBucketThatDoesNotExistStopsTheStartWithOneClearReason() throws Exception {
        String refused = assertThrows(TestServer.ServerStartFailed.class,
                () -> server.startWith(shared("no-such-bucket"))).getMessage();
        assertEquals("The bucket of s3://no-such-bucket/shop/ at " + s3.endpoint() + " does not exist; create it"
                + " first", refused);
    }
}
