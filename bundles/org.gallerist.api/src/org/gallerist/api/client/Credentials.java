package org.gallerist.api.client;

import java.nio.file.Path;
import java.util.Objects;

/** How to log in: a password, or an OpenSSH private key file (unencrypted, or with its passphrase). */
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
}
