package org.gallerist.client.ui.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins' services of one extension type while a part lives: highest {@code service.ranking} first (the OSGi
 * order), and {@code changed} runs (on a framework thread) whenever one comes or goes. Outside OSGi there are none.
 */
final class Whiteboard<S> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Whiteboard.class);

    private final ServiceTracker<S, S> tracker;

    Whiteboard(Class<S> type, Runnable changed) {
        Bundle bundle = FrameworkUtil.getBundle(Whiteboard.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            tracker = null;
            return;
        }
        tracker = new ServiceTracker<>(context, type, new ServiceTrackerCustomizer<S, S>() {
            @Override
            public S addingService(ServiceReference<S> reference) {
                S service = context.getService(reference);
                if (service != null) {
                    LOG.info("Client extension {} from {} added", type.getSimpleName(),
                            reference.getBundle().getSymbolicName());
                    changed.run();
                }
                return service;
            }

            @Override
            public void modifiedService(ServiceReference<S> reference, S service) {
                changed.run();
            }

            @Override
            public void removedService(ServiceReference<S> reference, S service) {
                context.ungetService(reference);
                changed.run();
            }
        });
        tracker.open();
    }

    /** The services now registered, best ranked first. */
    List<S> current() {
        if (tracker == null) {
            return List.of();
        }
        Map<ServiceReference<S>, S> tracked = new TreeMap<>(java.util.Collections.reverseOrder());
        tracked.putAll(tracker.getTracked());
        return new ArrayList<>(tracked.values());
    }

    @Override
    public void close() {
        if (tracker != null) {
            tracker.close();
        }
    }
}
