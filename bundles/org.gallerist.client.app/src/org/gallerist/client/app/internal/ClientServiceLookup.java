package org.gallerist.client.app.internal;

import java.util.Optional;

import org.gallerist.api.client.GalleristClient;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Waits for the {@link GalleristClient} service, which Declarative Services may register a moment after the
 * application starts. The tracker stays open for the application's life so the component is not deactivated
 * while the client uses it.
 */
final class ClientServiceLookup {
    private static final long WAIT_MILLIS = 10_000;

    private final ServiceTracker<GalleristClient, GalleristClient> tracker;

    ClientServiceLookup(BundleContext bundleContext) {
        tracker = new ServiceTracker<>(bundleContext, GalleristClient.class, null);
        tracker.open();
    }

    Optional<GalleristClient> await() {
        try {
            return Optional.ofNullable(tracker.waitForService(WAIT_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
