package org.gallerist.integration.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.gallerist.api.client.SessionState;

/** Records the state changes a session reports, and waits for one. */
final class StateLog implements Consumer<SessionState> {

    private final List<SessionState> seen = new CopyOnWriteArrayList<>();

    @Override
    public void accept(SessionState state) {
        seen.add(state);
    }

    List<SessionState> seen() {
        return new ArrayList<>(seen);
    }

    /** Waits until the state has been reported; fails the test after {@code seconds}. */
    void await(SessionState state, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!seen.contains(state)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No " + state + " within " + seconds + " s; saw " + seen);
            }
            Thread.sleep(20);
        }
    }
}
