package org.gallerist.blobs.s3.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.spi.storage.BlobStore;
import org.gallerist.tests.harness.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob store on a real S3 endpoint (S3Proxy with its filesystem backend, on loopback). */
class S3BlobStoreTest {

    private static S3ProxyServer s3;
    private static int buckets;

    @TempDir
    Path dataDir;

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

    private static S3Objects.Location location(String bucket, String prefix) {
        return new S3Objects.Location(s3.endpoint(), "us-east-1", bucket, prefix, S3ProxyServer.IDENTITY,
                S3ProxyServer.CREDENTIAL);
    }

    private S3BlobStore store(String prefix, Duration sweepAfter) throws Exception {
        String bucket = s3.createBucket("bucket" + ++buckets);
        return new S3BlobStore(dataDir, new S3Objects(location(bucket, prefix)), sweepAfter);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void anUploadIsStagedOnTheNodeAndReachesTheBucketOnlyOnCommit() throws Exception {
        S3BlobStore store = store("shop/", S3BlobStore.SWEEP_AFTER);
        byte[] content = "an image, as far as blobs go".getBytes();
        String key;
        try (BlobStore.Staged staged = store.stage(new ByteArrayInputStream(content), 1024)) {
            assertEquals(sha256(content), staged.sha256());
            assertEquals(content.length, staged.size());
            assertFalse(store.exists(staged.sha256()), "nothing in the bucket before the commit");
            key = staged.commit();
        }
        assertTrue(store.exists(key));
        try (InputStream in = store.open(key)) {
            assertArrayEquals(content, in.readAllBytes());
        }
        try (BlobStore.Staged again = store.stage(new ByteArrayInputStream(content), 1024)) {
            assertEquals(key, again.commit(), "the same content again is the same object");
        }
        try (var staged = Files.list(dataDir.resolve("s3-staging"))) {
            assertEquals(0, staged.count(), "staging files are gone after commit and close");
        }
        String rendition = store.put("a thumbnail".getBytes());
        assertEquals(sha256("a thumbnail".getBytes()), rendition);
        store.remove(rendition);
        assertFalse(store.exists(rendition));
        assertThrows(NoSuchFileException.class, () -> store.open(rendition));
        assertFalse(store.exists("../../etc/passwd"));
    }

    @Test
    void limitsAreCheckedWhileStagingAndNothingIsLeftBehind() throws Exception {
        S3BlobStore store = store("", S3BlobStore.SWEEP_AFTER);
        assertEquals(ErrorCode.TOO_LARGE, assertThrows(GalleristException.class,
                () -> store.stage(new ByteArrayInputStream(new byte[2048]), 1024)).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalleristException.class,
                () -> store.stage(new ByteArrayInputStream(new byte[0]), 1024)).code());
        try (var staged = Files.list(dataDir.resolve("s3-staging"))) {
            assertEquals(0, staged.count());
        }
    }

    @Test
    void aLargeFileGoesUpInPartsAndComesBackByteForByte() throws Exception {
        S3BlobStore store = store("big/", S3BlobStore.SWEEP_AFTER);
        byte[] content = new byte[2 * S3Objects.PART_BYTES + 12345];
        new Random(7).nextBytes(content);
        String key;
        try (BlobStore.Staged staged = store.stage(new ByteArrayInputStream(content), Long.MAX_VALUE)) {
            key = staged.commit();
        }
        try (InputStream in = store.open(key)) {
            assertEquals(sha256(content), sha256(in.readAllBytes()));
        }
    }

    @Test
    void aSweepRemovesOnlyUnreferencedObjectsOlderThanItsGrace() throws Exception {
        S3BlobStore young = store("", S3BlobStore.SWEEP_AFTER);
        String kept = young.put("kept".getBytes());
        String orphan = young.put("orphan".getBytes());
        assertEquals(0, young.sweep(Set.of(kept)), "another node may be about to refer to a new object");
        assertTrue(young.exists(orphan));

        S3BlobStore old = new S3BlobStore(dataDir, new S3Objects(location("bucket" + buckets, "")), Duration.ZERO);
        assertEquals(1, old.sweep(Set.of(kept)));
        assertTrue(old.exists(kept));
        assertFalse(old.exists(orphan));
    }

    @Test
    void aMissingBucketOrAWrongLoginIsRefusedAtStartInOneLine() throws Exception {
        String missing = assertThrows(IllegalStateException.class, () -> new S3BlobStore(dataDir,
                new S3Objects(location("no-such-bucket", "")), S3BlobStore.SWEEP_AFTER)).getMessage();
        assertEquals("The bucket of s3://no-such-bucket/ at " + s3.endpoint() + " does not exist; create it first",
                missing);
        String bucket = s3.createBucket("bucket" + ++buckets);
        String refused = assertThrows(IllegalStateException.class, () -> new S3BlobStore(dataDir,
                new S3Objects(new S3Objects.Location(s3.endpoint(), "us-east-1", bucket, "", S3ProxyServer.IDENTITY,
                        "wrong")), S3BlobStore.SWEEP_AFTER)).getMessage();
        assertTrue(refused.startsWith("The object store refused s3://" + bucket + "/"), refused);
        assertFalse(refused.contains("wrong"), refused);
    }

    @Test
    void aStoreThatGoesAwayIsUnavailableAndTheSameStoreWorksWhenItIsBack() throws Exception {
        S3BlobStore store = store("", S3BlobStore.SWEEP_AFTER);
        String key = store.put("before".getBytes());
        s3.stop();
        try {
            GalleristException down = assertThrows(GalleristException.class, () -> store.open(key));
            assertEquals(ErrorCode.UNAVAILABLE, down.code());
            assertEquals(S3Objects.UNAVAILABLE, down.getMessage());
        } finally {
            s3.startAgain();
        }
        try (InputStream in = store.open(key)) {
            assertArrayEquals("before".getBytes(), in.readAllBytes());
        }
    }
}
