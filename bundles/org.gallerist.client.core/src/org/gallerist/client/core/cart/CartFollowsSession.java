package org.gallerist.client.core.cart;

import org.gallerist.client.core.ClientHome;
import org.gallerist.client.core.ConnectionState;
import org.gallerist.client.core.SessionModel;

/**
 * Keeps the {@link Cart} showing the cart of whoever is logged in: each user on each server has their own, which
 * comes back at the next login; logging out empties the one on screen.
 */
public final class CartFollowsSession {

    private CartFollowsSession() {
    }

    /** @return a handle that stops following */
    public static Runnable follow(Cart cart, SessionModel sessions, ClientHome home) {
        bind(cart, sessions.state(), home);
        return sessions.addListener(state -> bind(cart, state, home));
    }

    private static void bind(Cart cart, ConnectionState state, ClientHome home) {
        if (state.connected()) {
            cart.bind(new CartStore(new CartOwner(state.server(), state.user().name()).file(home)));
        } else {
            cart.unbind();
        }
    }
}
