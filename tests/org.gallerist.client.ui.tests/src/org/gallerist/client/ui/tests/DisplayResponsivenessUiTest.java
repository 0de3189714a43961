package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.swt.widgets.Display;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.ImageRepository;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.ui.browse.GalleryPart;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The display thread keeps dispatching while a request is slow: the real server and session, with two seconds of
 * latency put in front of each gallery page (a slow link), and a timer on the display thread that must keep firing
 * meanwhile. A request made on the display thread would stop the timer for the whole two seconds.
 */
class DisplayResponsivenessUiTest {
    private static final long DELAY_MS = 2000;
    private static final int TICK_MS = 20;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @Test
    void theDisplayThreadDispatchesWhileAGalleryPageIsSlowToCome() throws Exception {
        UiTestSupport.requireDisplay();
        Display display = Display.getDefault();
        GalleristSession fay = server.signedUp("fay");
        fay.images().add(new NewImage("Dune", "", List.of(), BigDecimal.ONE, 1, Visibility.PUBLIC),
                Pictures.png(display, 5));
        try (PartWindow window = new PartWindow(server, slowPages(fay), "Slow", 600, 400)) {
            AtomicInteger ticks = new AtomicInteger();
            long[] longestGapMs = { 0 };
            long[] last = { System.nanoTime() };
            Runnable tick = new Runnable() {
                @Override
                public void run() {
                    long now = System.nanoTime();
                    longestGapMs[0] = Math.max(longestGapMs[0], (now - last[0]) / 1_000_000);
                    last[0] = now;
                    ticks.incrementAndGet();
                    display.timerExec(TICK_MS, this);
                }
            };
            long opened = System.nanoTime();
            GalleryPart gallery = window.open(GalleryPart.class);
            display.timerExec(TICK_MS, tick);
            UiTestSupport.spinUntil(display, () -> !gallery.isLoading() && gallery.grid().items().size() == 1,
                    30_000, "the slow page");
            display.timerExec(-1, tick);
            long tookMs = (System.nanoTime() - opened) / 1_000_000;
            assertTrue(tookMs >= DELAY_MS, "the page went through the slow listing: " + tookMs + " ms");
            assertEquals(1, gallery.grid().items().size());
            assertTrue(ticks.get() >= DELAY_MS / TICK_MS / 4, "the timer kept firing: " + ticks.get() + " ticks");
            assertTrue(longestGapMs[0] < DELAY_MS / 2, "the display thread never stood still for the request: "
                    + longestGapMs[0] + " ms");
        }
    }

    /** The session, with {@link #DELAY_MS} before every image listing. */
    private static GalleristSession slowPages(GalleristSession real) {
        ImageRepository images = delayed(ImageRepository.class, real.images(), "list");
        return (GalleristSession) Proxy.newProxyInstance(DisplayResponsivenessUiTest.class.getClassLoader(),
                new Class<?>[] { GalleristSession.class }, (proxy, method, args) -> method.getName().equals("images")
                        ? images : invoke(method, real, args));
    }

    private static <T> T delayed(Class<T> type, T real, String slowMethod) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals(slowMethod)) {
                Thread.sleep(DELAY_MS);
            }
            return invoke(method, real, args);
        };
        return type.cast(Proxy.newProxyInstance(DisplayResponsivenessUiTest.class.getClassLoader(),
                new Class<?>[] { type }, handler));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
