package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.client.ui.widgets.Widgets;

/** Event-loop spinning and screenshots for tests that open real SWT windows. */
final class UiTestSupport {

    private UiTestSupport() {
    }

    /**
     * Skips the test where no display exists (a developer's headless shell), but fails where one was promised
     * ({@code -Dgallerist.requireDisplay=true}, as .ci/run passes under Xvfb).
     */
    static void requireDisplay() {
        boolean hasDisplay = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        if (!hasDisplay && Boolean.getBoolean("gallerist.requireDisplay")) {
            fail("gallerist.requireDisplay is set but there is no DISPLAY");
        }
        assumeTrue(hasDisplay, "no display: UI tests need X (run under xvfb-run, as .ci/run does)");
    }

    /** Runs the event loop until the condition holds; fails after the timeout. */
    static void spinUntil(Display display, BooleanSupplier condition, long timeoutMillis, String what) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("Timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    /** Lets pending paints and layouts happen. */
    static void settle(Display display, long millis) {
        long until = System.currentTimeMillis() + millis;
        spinUntil(display, () -> System.currentTimeMillis() >= until, millis + 5_000, "the UI to settle");
    }

    /** Saves what the shell shows as a PNG under target/screenshots/. */
    static Path screenshot(Shell shell, String name) throws Exception {
        Display display = shell.getDisplay();
        settle(display, 300);
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            Path dir = Path.of(System.getProperty("gallerist.test.output", "target")).resolve("screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** The one control of {@code type} below {@code root} whose data under {@code key} is {@code name}. */
    static <T extends Control> T find(Composite root, Class<T> type, String key, Object name) {
        return find(root, type, control -> Objects.equals(control.getData(key), name)).orElseThrow(
                () -> new AssertionError("no " + type.getSimpleName() + " named " + name + " under " + root));
    }

    /** The one control of {@code type} below {@code root} that its part or dialog named {@code name}. */
    static <T extends Control> T widget(Composite root, Class<T> type, Enum<?> name) {
        return find(root, type, Widgets.KEY, name);
    }

    /** Whether a control of {@code type} named {@code name} is below {@code root}. */
    static boolean has(Composite root, Class<? extends Control> type, Enum<?> name) {
        return find(root, type, control -> Objects.equals(control.getData(Widgets.KEY), name)).isPresent();
    }

    /** The dialog button made for {@code buttonId} (JFace keeps the id as the button's data). */
    static org.eclipse.swt.widgets.Button dialogButton(Composite root, int buttonId) {
        return find(root, org.eclipse.swt.widgets.Button.class,
                button -> Integer.valueOf(buttonId).equals(button.getData())).orElseThrow(
                        () -> new AssertionError("no dialog button " + buttonId));
    }

    private static <T extends Control> Optional<T> find(Composite root, Class<T> type, Predicate<T> wanted) {
        for (Control child : root.getChildren()) {
            if (type.isInstance(child) && wanted.test(type.cast(child))) {
                return Optional.of(type.cast(child));
            }
            if (child instanceof Composite composite) {
                Optional<T> below = find(composite, type, wanted);
                if (below.isPresent()) {
                    return below;
                }
            }
        }
        return Optional.empty();
    }
}
