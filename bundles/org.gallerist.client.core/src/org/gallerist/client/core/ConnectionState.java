package org.gallerist.client.core;

import org.gallerist.api.User;
import org.gallerist.api.client.ServerAddress;

/** Who is logged in where, or {@link #DISCONNECTED}: what the window shows. */
public record ConnectionState(ServerAddress server, User user) {
    public static final ConnectionState DISCONNECTED = new ConnectionState(null, null);

    public ConnectionState {
        if ((server == null) != (user == null)) {
            throw new IllegalArgumentException("server and user are both set or both absent");
        }
    }

    public boolean connected() {
        return user != null;
    }

    /** "Logged in as alice on host:2222" or "Not connected." */
    public String summary() {
        return connected() ? "Logged in as " + user.name() + " on " + server : "Not connected.";
    }

    /** "Role: admin", or empty when disconnected. */
    public String roleLine() {
        return connected() ? "Role: " + user.role().wireName() : "";
    }

    /** "Gallerist — alice@host:2222", or just "Gallerist". */
    public String windowTitle() {
        return connected() ? "Gallerist \u2014 " + user.name() + "@" + server : "Gallerist";
    }
}
