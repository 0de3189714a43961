package org.gallerist.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.client.ServerAddress;
import org.junit.jupiter.api.Test;

class SessionModelTest {
    private static final ServerAddress SERVER = new ServerAddress("localhost", 2222);
    private static final User ALICE = new User("alice", Role.ADMIN, false, Instant.EPOCH);
    private static final User BOB = new User("bob", Role.USER, false, Instant.EPOCH);

    @Test
    void startsDisconnected() {
        SessionModel model = new SessionModel();
        assertEquals(ConnectionState.DISCONNECTED, model.state());
        assertTrue(model.session().isEmpty());
        assertEquals("Not connected.", model.state().summary());
        assertEquals("Gallerist", model.state().windowTitle());
    }

    @Test
    void openingTellsListenersWhoIsLoggedInWhere() {
        SessionModel model = new SessionModel();
        List<ConnectionState> seen = new ArrayList<>();
        model.addListener(seen::add);
        FakeSession session = new FakeSession(SERVER, ALICE);
        model.open(new Connection(session, ALICE));

        assertEquals(List.of(new ConnectionState(SERVER, ALICE)), seen);
        assertEquals(session, model.session().orElseThrow());
        assertEquals("Logged in as alice on localhost:2222", model.state().summary());
        assertEquals("Role: admin", model.state().roleLine());
        assertEquals("Gallerist \u2014 alice@localhost:2222", model.state().windowTitle());
    }

    @Test
    void openingAnotherClosesThePrevious() {
        SessionModel model = new SessionModel();
        FakeSession first = new FakeSession(SERVER, ALICE);
        model.open(new Connection(first, ALICE));
        model.open(new Connection(new FakeSession(SERVER, BOB), BOB));
        assertFalse(first.isOpen());
        assertEquals(BOB, model.state().user());
    }

    @Test
    void closeEndsTheSessionAndRemovedListenersHearNothing() {
        SessionModel model = new SessionModel();
        FakeSession session = new FakeSession(SERVER, ALICE);
        model.open(new Connection(session, ALICE));
        List<ConnectionState> seen = new ArrayList<>();
        List<ConnectionState> removed = new ArrayList<>();
        model.addListener(seen::add);
        model.addListener(removed::add).run();

        model.close();
        model.close();

        assertFalse(session.isOpen());
        assertEquals(List.of(ConnectionState.DISCONNECTED), seen);
        assertTrue(removed.isEmpty());
    }
}
