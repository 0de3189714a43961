package org.gallerist.client.ui.browse;

import java.util.List;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.gallerist.client.core.ClientHome;
import org.gallerist.client.core.ClientTopics;
import org.gallerist.client.core.browse.BrowseState;
import org.gallerist.client.core.prefs.ViewPreferencesStore;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Puts what the browsing parts share into the application context (the client folder, the view preferences, the
 * {@link BrowseState}) and forwards {@link ClientTopics#IMAGES_CHANGED}, posted by any area, to that state.
 */
public class BrowseAddon {
    private IEventBroker broker;
    private EventHandler forwarder;

    @PostConstruct
    public void start(MApplication application, @Optional IEventBroker eventBroker) {
        IEclipseContext context = application.getContext();
        ClientHome home = ClientHome.fromSystemProperties().ensureExists();
        BrowseState state = new BrowseState();
        context.set(ClientHome.class, home);
        context.set(ViewPreferencesStore.class, ViewPreferencesStore.in(home));
        context.set(BrowseState.class, state);
        if (eventBroker != null) {
            broker = eventBroker;
            forwarder = (Event event) -> state.imagesChanged(ids(event.getProperty(IEventBroker.DATA)));
            broker.subscribe(ClientTopics.IMAGES_CHANGED, forwarder);
        }
    }

    private static List<Long> ids(Object data) {
        if (data instanceof List<?> list) {
            return list.stream().filter(Long.class::isInstance).map(Long.class::cast).toList();
        }
        return List.of();
    }

    @PreDestroy
    public void stop() {
        if (broker != null) {
            broker.unsubscribe(forwarder);
        }
    }
}
