package org.gallerist.api.client;

/** Where a {@link GalleristSession}'s connection stands, e.g. for a status line. */
public enum SessionState {
    /** Logged in; requests go straight through. */
    CONNECTED,
    /** The connection dropped and the client is logging in again; requests wait for it. */
    RECONNECTING,
    /** Logging in again gave up (or was refused); the next request tries once more. */
    DISCONNECTED,
    /** Closed by its user: final, it never reconnects. */
    CLOSED
}
