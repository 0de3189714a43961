package org.gallerist.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.order.OrderRequest;

/** Buyers who all order one item of an image at the same moment, each on a thread of their own. */
final class LastItemRace {

    private LastItemRace() {
    }

    /** How many of them bought one; every other was refused for want of stock (anything else fails the test). */
    static int winners(long imageId, List<GalleristSession> buyers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (GalleristSession buyer : buyers) {
                Callable<Boolean> attempt = () -> {
                    go.await();
                    try {
                        buyer.shop().place(List.of(new OrderRequest(imageId, 1)));
                        return true;
                    } catch (GalleristException e) {
                        assertEquals(ErrorCode.INSUFFICIENT_STOCK, e.code(), e.getMessage());
                        return false;
                    }
                };
                attempts.add(pool.submit(attempt));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> attempt : attempts) {
                winners += attempt.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return winners;
        } finally {
            pool.shutdownNow();
        }
    }
}
