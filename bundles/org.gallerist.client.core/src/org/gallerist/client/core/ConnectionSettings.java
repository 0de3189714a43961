package org.gallerist.client.core;

import java.util.Objects;

import org.gallerist.api.client.ServerAddress;

/** Where to connect and as whom: what the connect dialog remembers between runs. Never holds a password. */
public record ConnectionSettings(String host, int port, String user) {
    public static final ConnectionSettings DEFAULTS = new ConnectionSettings("localhost", ServerAddress.DEFAULT_PORT, "");

    public ConnectionSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
    }

    public ConnectionSettings withHost(String newHost) {
        return new ConnectionSettings(newHost, port, user);
    }

    public ConnectionSettings withPort(int newPort) {
        return new ConnectionSettings(host, newPort, user);
    }

    public ConnectionSettings withUser(String newUser) {
        return new ConnectionSettings(host, port, newUser);
    }

    /** @throws org.gallerist.api.GalleristException if host or port are not usable */
    public ServerAddress server() {
        return new ServerAddress(host, port);
    }
}
