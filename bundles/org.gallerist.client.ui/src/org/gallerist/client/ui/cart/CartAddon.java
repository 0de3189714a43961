package org.gallerist.client.ui.cart;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.gallerist.client.core.CartContents;
import org.gallerist.client.core.ClientHome;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.cart.Cart;
import org.gallerist.client.core.cart.CartFollowsSession;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Add-on that puts the one {@link Cart} into the application's context (also as {@link CartContents}, for areas
 * that must warn before deleting an image in it) and keeps it showing the logged-in user's cart.
 */
public class CartAddon {
    private Runnable stopFollowing = () -> { };

    @PostConstruct
    public void start(IEclipseContext context, @Optional SessionModel sessions) {
        Cart cart = new Cart();
        context.set(Cart.class, cart);
        context.set(CartContents.class, cart);
        if (sessions != null) {
            stopFollowing = CartFollowsSession.follow(cart, sessions, ClientHome.fromSystemProperties().ensureExists());
        }
    }

    @PreDestroy
    public void stop() {
        stopFollowing.run();
    }
}
