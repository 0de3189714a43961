package org.gallerist.client.core;

import org.gallerist.api.client.SessionState;

/** The status line's text: who is logged in where, and how the connection stands right now. */
public final class ConnectionStatus {

    private ConnectionStatus() {
    }

    public static String text(ConnectionState who, SessionState how) {
        if (!who.connected() || how == SessionState.CLOSED) {
            return "Not connected";
        }
        String name = who.user().name();
        return switch (how) {
            case CONNECTED -> "Connected as " + name + " to " + who.server();
            case RECONNECTING -> "Connection lost \u2014 reconnecting to " + who.server() + "\u2026";
            case DISCONNECTED -> "Disconnected from " + who.server() + " \u2014 the next request tries again";
            case CLOSED -> "Not connected";
        };
    }

    /** Whether the status line should draw attention (connection not usable right now). */
    public static boolean isTrouble(SessionState how) {
        return how == SessionState.RECONNECTING || how == SessionState.DISCONNECTED;
    }
}
