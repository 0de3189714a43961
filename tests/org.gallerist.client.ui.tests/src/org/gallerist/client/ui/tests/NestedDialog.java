package org.gallerist.client.ui.tests;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Acts on a dialog that opens in an event loop of its own (a blocking JFace dialog, a confirmation): from a timer,
 * because that loop holds the test's thread until the dialog closes.
 */
final class NestedDialog {

    @FunctionalInterface
    interface ShellAction {
        void run(Shell shell) throws Exception;
    }

    private static final long WAIT_MS = 60_000;

    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private NestedDialog() {
    }

    /** Runs ACTION on the first visible shell titled TITLE once it opens (within 60 s); a failing action closes it. */
    static NestedDialog whenOpen(Display display, String title, ShellAction action) {
        NestedDialog watch = new NestedDialog();
        long deadline = System.currentTimeMillis() + WAIT_MS;
        Runnable[] look = new Runnable[1];
        look[0] = () -> {
            for (Shell shell : display.getShells()) {
                if (!shell.isDisposed() && title.equals(shell.getText()) && shell.isVisible()) {
                    try {
                        action.run(shell);
                        watch.done.set(true);
                    } catch (Throwable e) {
                        watch.failure.set(e);
                        shell.close();
                    }
                    return;
                }
            }
            if (System.currentTimeMillis() < deadline) {
                display.timerExec(50, look[0]);
            } else {
                watch.failure.set(new AssertionError("no dialog '" + title + "' opened"));
            }
        };
        display.timerExec(50, look[0]);
        return watch;
    }

    /** True once the action ran without failing. */
    boolean done() {
        return done.get();
    }

    /** True once the action ran or failed, or the wait ended. */
    boolean settled() {
        return done.get() || failure.get() != null;
    }

    /** Throws what the action threw, or that the dialog never opened; nothing if it ran or has not yet. */
    void rethrow() throws Exception {
        if (failure.get() instanceof Exception e) {
            throw e;
        } else if (failure.get() instanceof Error e) {
            throw e;
        }
    }
}
