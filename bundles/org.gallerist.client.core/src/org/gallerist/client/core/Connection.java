package org.gallerist.client.core;

import java.util.Objects;

import org.gallerist.api.User;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.ServerAddress;

/** An open session together with the user it belongs to, as the server reported at login. */
public record Connection(GalleristSession session, User user) {
    public Connection {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
    }

    public ServerAddress server() {
        return session.server();
    }

    public ConnectionState state() {
        return new ConnectionState(server(), user);
    }
}
