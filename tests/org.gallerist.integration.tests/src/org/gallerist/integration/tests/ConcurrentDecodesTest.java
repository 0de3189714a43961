package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cap on images decoded at once: with one permit and no wait, parallel uploads of large images beyond it are
 * refused as {@code busy} naming the limit, the others are stored, and the server keeps serving; with a wait, all
 * of them get their turn.
 */
class ConcurrentDecodesTest {

    private static final int UPLOADERS = 6;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false)
            .with("maxConcurrentDecodes", 1).with("decodeWaitMillis", 0L);

    @Test
    void uploadsBeyondTheDecodeCapAreBusyAndTheOthersAreStored() throws Exception {
        server.signUp("alice");
        List<GalleristSession> sessions = new ArrayList<>();
        for (int i = 0; i < UPLOADERS; i++) {
            server.signUp("user" + i);
            sessions.add(server.logIn("user" + i));
        }
        List<Object> outcomes = uploadAtOnce(sessions, 100);
        long busy = outcomes.stream().filter(GalleristException.class::isInstance).count();
        for (Object outcome : outcomes) {
            if (outcome instanceof GalleristException e) {
                assertEquals(ErrorCode.BUSY, e.code(), e.getMessage());
                assertEquals(Map.of("limit", "concurrent_decodes", "max", 1L), e.details());
            }
        }
        assertTrue(busy >= 1 && busy < UPLOADERS, busy + " of " + UPLOADERS + " busy: " + outcomes);
        assertEquals(UPLOADERS - busy, stored(sessions), "every upload that was not busy was stored");
        addOnceNotBusy(sessions.get(0), TestImages.jpeg(199, 300, 200));

        server.startWith(Map.of("decodeWaitMillis", 120_000L));
        List<GalleristSession> again = new ArrayList<>();
        for (int i = 0; i < UPLOADERS; i++) {
            again.add(server.logIn("user" + i));
        }
        List<Object> waited = uploadAtOnce(again, 200);
        assertTrue(waited.stream().noneMatch(GalleristException.class::isInstance), "with a wait all get a turn: "
                + waited);
    }

    /**
     * The server keeps serving: an upload after the burst is stored. It may first be answered {@code busy} while the
     * one permit computes a vector in the background (the similarity index indexes what it finds without one).
     */
    private static void addOnceNotBusy(GalleristSession session, byte[] content) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                session.images().add(image("After"), content);
                return;
            } catch (GalleristException e) {
                if (e.code() != ErrorCode.BUSY || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static NewImage image(String name) {
        return new NewImage(name, "", List.of(), BigDecimal.ONE, 1, Visibility.PUBLIC);
    }

    /** One large JPEG per session (about 24 megapixels: a few hundred ms to decode), all released at once. */
    private static List<Object> uploadAtOnce(List<GalleristSession> sessions, int seed) throws Exception {
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            images.add(TestImages.jpeg(seed + i, 6000, 4000));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < sessions.size(); i++) {
                GalleristSession session = sessions.get(i);
                byte[] content = images.get(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        return session.images().add(image("Large"), content);
                    } catch (GalleristException e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(5, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long stored(List<GalleristSession> sessions) {
        return sessions.stream().mapToLong(session -> session.exec(List.of("images", "list", "--mine"), new byte[0])
                .size()).sum();
    }
}
