package org.gallerist.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;

import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.client.ServerAddress;
import org.gallerist.client.core.cart.Cart;
import org.gallerist.client.core.cart.CartFollowsSession;
import org.gallerist.client.core.cart.FakeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CartFollowsSessionTest {
    private static final ServerAddress SERVER = new ServerAddress("127.0.0.1", 2222);

    @TempDir
    Path folder;

    private static Connection as(String name) {
        return new Connection(new FakeSession(SERVER, new User(name, Role.USER, false, Instant.EPOCH)),
                new User(name, Role.USER, false, Instant.EPOCH));
    }

    @Test
    void eachUserSeesTheirOwnCartAndLoggingOutEmptiesTheOneOnScreen() {
        SessionModel sessions = new SessionModel();
        Cart cart = new Cart();
        Runnable stop = CartFollowsSession.follow(cart, sessions, new ClientHome(folder));
        sessions.open(as("alice"));
        cart.add(FakeStore.image(7, "Rocket", "1", 5));

        sessions.open(as("bob"));
        assertTrue(cart.isEmpty(), "bob does not see alice's cart");
        sessions.close();
        assertTrue(cart.isEmpty());

        sessions.open(as("alice"));
        assertEquals(1, cart.quantity(7), "alice's cart came back");
        stop.run();
        sessions.close();
        assertEquals(1, cart.quantity(7), "no longer following");
    }
}
