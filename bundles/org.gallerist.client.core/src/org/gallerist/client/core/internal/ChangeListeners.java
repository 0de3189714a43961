package org.gallerist.client.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who hears that a model changed. A listener may add or remove listeners while it runs; each runs on the thread that
 * made the change.
 */
public final class ChangeListeners {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** @return a handle that removes the listener again */
    public Runnable add(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells every listener of a change. */
    public void fire() {
        listeners.forEach(Runnable::run);
    }
}
