package org.gallerist.client.ui.browse;

import java.util.List;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.gallerist.client.core.ClientTopics;
import org.gallerist.client.core.browse.BrowseState;

/** Tells every area that images changed: through the event broker in the workbench, directly without one. */
final class ImagesChanged {
    private ImagesChanged() {
    }

    /** In the workbench, {@link BrowseAddon} forwards the broker's event to the state, so it is told once. */
    static void announce(IEventBroker broker, BrowseState state, List<Long> ids) {
        if (broker != null) {
            broker.post(ClientTopics.IMAGES_CHANGED, List.copyOf(ids));
        } else {
            state.imagesChanged(ids);
        }
    }
}
