package org.gallerist.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.gallerist.api.Role;
import org.gallerist.api.User;
import org.gallerist.api.client.ServerAddress;
import org.gallerist.api.client.SessionState;
import org.junit.jupiter.api.Test;

class ConnectionStatusTest {

    @Test
    void saysWhoIsConnectedWhereAndWhenTheConnectionIsBeingRestored() {
        ConnectionState alice = new ConnectionState(new ServerAddress("127.0.0.1", 2222),
                new User("alice", Role.USER, false, Instant.now()));
        assertEquals("Connected as alice to 127.0.0.1:2222", ConnectionStatus.text(alice, SessionState.CONNECTED));
        assertEquals("Connection lost \u2014 reconnecting to 127.0.0.1:2222\u2026",
                ConnectionStatus.text(alice, SessionState.RECONNECTING));
        assertTrue(ConnectionStatus.text(alice, SessionState.DISCONNECTED).startsWith("Disconnected"));
        assertEquals("Not connected", ConnectionStatus.text(alice, SessionState.CLOSED));
        assertEquals("Not connected", ConnectionStatus.text(ConnectionState.DISCONNECTED, SessionState.CONNECTED));
        assertTrue(ConnectionStatus.isTrouble(SessionState.RECONNECTING));
        assertFalse(ConnectionStatus.isTrouble(SessionState.CONNECTED));
    }
}
