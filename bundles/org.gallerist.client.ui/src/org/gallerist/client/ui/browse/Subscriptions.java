package org.gallerist.client.ui.browse;

import java.util.ArrayList;
import java.util.List;

/** The listeners a part registered, each as the handle that removes it, so the part can stop them all at once. */
final class Subscriptions {
    private final List<Runnable> stops = new ArrayList<>();

    /** Keeps the handle a {@code addListener}-style call returned. */
    void add(Runnable stop) {
        stops.add(stop);
    }

    void stopAll() {
        stops.forEach(Runnable::run);
        stops.clear();
    }
}
