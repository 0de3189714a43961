package org.gallerist.client.ui.browse;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Control;
import org.gallerist.api.image.Image;
import org.gallerist.client.core.CartContents;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.browse.BrowseState;

import jakarta.inject.Inject;

/**
 * What the browsing parts use of the workbench: its commands, event broker and part service, and the cart. Each
 * may be missing (outside a workbench, or in a client without a cart). The injector makes one for each part that
 * asks for it in its constructor.
 */
@Creatable
public final class PartServices {
    @Inject
    @Optional
    private IEventBroker broker;
    @Inject
    @Optional
    private CartContents cart;
    @Inject
    @Optional
    private ECommandService commandService;
    @Inject
    @Optional
    private EHandlerService handlerService;
    @Inject
    @Optional
    private EPartService partService;

    public CommandRunner commands() {
        return new CommandRunner(commandService, handlerService);
    }

    /** What can be done to an image, asked from {@code owner}'s shell. */
    ImageActions imageActions(Control owner, SessionModel sessions, BrowseState browse) {
        return new ImageActions(owner, sessions, browse, this);
    }

    /** Null in a client without a cart. */
    CartContents cart() {
        return cart;
    }

    /** Null outside a workbench. */
    IEventBroker broker() {
        return broker;
    }

    /** Shows the image in the Details part, and brings that part forward where there is a workbench. */
    void openDetails(BrowseState browse, Image image) {
        browse.show(image);
        if (partService != null) {
            partService.showPart(DetailsPart.ID, EPartService.PartState.ACTIVATE);
        }
    }
}
