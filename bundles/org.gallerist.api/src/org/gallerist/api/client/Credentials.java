package org.gallerist.api.client;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to log in: a password, an OpenSSH private key file (unencrypted, or with its passphrase), or the keys an
 * OpenSSH agent holds (the agent signs; the private keys never leave it).
 */
public sealed interface Credentials {

    String username();

    record Password(String username, char[] password) implements Credentials {
        public Password {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }
    }

    record KeyFile(String username, Path privateKey, char[] passphrase) implements Credentials {
        public KeyFile {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    /** @param socket the agent's Unix socket, as {@code SSH_AUTH_SOCK} names it */
    record Agent(String username, Path socket) implements Credentials {
        public Agent {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(socket, "socket");
        }
    }
}
