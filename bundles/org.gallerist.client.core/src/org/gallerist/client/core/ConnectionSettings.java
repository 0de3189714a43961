package org.gallerist.client.core;

import java.util.Objects;

import org.gallerist.api.client.ServerAddress;

/**
 * Where to connect, as whom and how: what the connect dialog remembers between runs. Never holds a password or a
 * passphrase; {@code keyFile} is the path of the private key for {@link LoginMethod#KEY_FILE} (may be blank).
 */
public record ConnectionSettings(String host, int port, String user, LoginMethod method, String keyFile) {
    public static final ConnectionSettings DEFAULTS = new ConnectionSettings("localhost", ServerAddress.DEFAULT_PORT, "");

    public ConnectionSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        method = method == null ? LoginMethod.PASSWORD : method;
        keyFile = keyFile == null ? "" : keyFile;
    }

    /** Logging in with a password. */
    public ConnectionSettings(String host, int port, String user) {
        this(host, port, user, LoginMethod.PASSWORD, "");
    }

    public ConnectionSettings withHost(String newHost) {
        return new ConnectionSettings(newHost, port, user, method, keyFile);
    }

    public ConnectionSettings withPort(int newPort) {
        return new ConnectionSettings(host, newPort, user, method, keyFile);
    }

    public ConnectionSettings withUser(String newUser) {
        return new ConnectionSettings(host, port, newUser, method, keyFile);
    }

    public ConnectionSettings withLogin(LoginMethod newMethod, String newKeyFile) {
        return new ConnectionSettings(host, port, user, newMethod, newKeyFile);
    }

    /** @throws org.gallerist.api.GalleristException if host or port are not usable */
    public ServerAddress server() {
        return new ServerAddress(host, port);
    }
}
