package org.gallerist.client.ui.cart;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.client.core.ClientCommands;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.cart.AddOutcome;
import org.gallerist.client.core.cart.Cart;
import org.gallerist.client.ui.jobs.Background;

import jakarta.inject.Named;

/**
 * {@link ClientCommands#ADD_TO_CART}: asks the server for the image's current stock in a job, adds one to the cart
 * unless the cart already holds all of it, and brings the Cart part forward with what happened.
 */
public class AddToCartHandler {

    /** What adding said, for the cart's message line. */
    public record News(String message, boolean error) {
    }

    @CanExecute
    public boolean canExecute(@Optional SessionModel sessions) {
        return sessions != null && sessions.session().isPresent();
    }

    @Execute
    public void execute(@Named(ClientCommands.IMAGE_ID) String imageId, Cart cart, SessionModel sessions,
            EPartService parts, UISynchronize sync) {
        long id;
        try {
            id = Long.parseLong(imageId.strip());
        } catch (NumberFormatException e) {
            return;
        }
        sessions.session().ifPresent(session -> addInJob(id, session, cart, sync::asyncExec, news -> {
            MPart part = parts.showPart(CartPart.ID, PartState.ACTIVATE);
            if (part != null && part.getObject() instanceof CartPart cartPart) {
                cartPart.showMessage(news.message(), news.error());
            }
        }));
    }

    /** Fetches the image in a job, then adds it to the cart on the UI thread and tells {@code show} there. */
    public static void addInJob(long id, GalleristSession session, Cart cart, Executor uiThread,
            Consumer<News> show) {
        new Background(() -> java.util.Optional.of(session), uiThread).run("Adding to the cart",
                connected -> connected.images().show(id), image -> show.accept(switch (cart.add(image)) {
                    case AddOutcome.Added added -> new News("Added '" + image.name() + "' ("
                            + added.line().quantity() + " in the cart).", false);
                    case AddOutcome.OutOfStock out -> new News(out.message(), true);
                }), error -> show.accept(new News(ErrorMessages.readable(error), true)));
    }
}
