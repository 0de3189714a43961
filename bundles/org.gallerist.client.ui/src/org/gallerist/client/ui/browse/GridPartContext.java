package org.gallerist.client.ui.browse;

import org.eclipse.e4.core.di.annotations.Creatable;
import org.gallerist.client.core.ClientHome;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.browse.BrowseState;
import org.gallerist.client.core.prefs.ViewPreferencesStore;

import jakarta.inject.Inject;

/**
 * What every part with a thumbnail grid is given: the session, the shared browsing state, the view preferences, the
 * client's home folder (thumbnail cache) and the workbench services. One object, so a part that shows a grid asks
 * for one thing and a new dependency is added in one place.
 */
@Creatable
record GridPartContext(SessionModel sessions, BrowseState browse, ViewPreferencesStore preferences, ClientHome home,
        PartServices workbench) {
    @Inject
    GridPartContext {
    }
}
