package org.gallerist.transport.ssh.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.Credentials;

/**
 * What a session proves its user with, kept so it can log in again after a drop: its own copy of the password
 * (the caller may wipe theirs), or the key pairs read once (the file may be gone or need a passphrase later).
 */
sealed interface LoginSecret {

    void offerTo(ClientSession session);

    /** Forgets what can be forgotten; called when the session is closed for good. */
    void erase();

    /** What the server says when it refuses this secret. */
    String refusal(String username);

    static LoginSecret of(Credentials credentials) {
        return switch (credentials) {
        case Credentials.Password password -> new Password(password.password().clone());
        case Credentials.KeyFile keyFile -> new KeyPairs(keyFile.privateKey(), load(keyFile));
        };
    }

    record Password(char[] chars) implements LoginSecret {
        @Override
        public void offerTo(ClientSession session) {
            session.addPasswordIdentity(new String(chars));
        }

        @Override
        public void erase() {
            Arrays.fill(chars, '\0');
        }

        @Override
        public String refusal(String username) {
            return "Wrong username or password.";
        }
    }

    record KeyPairs(Path file, List<KeyPair> pairs) implements LoginSecret {
        @Override
        public void offerTo(ClientSession session) {
            pairs.forEach(session::addPublicKeyIdentity);
        }

        @Override
        public void erase() {
            // Private key objects cannot be wiped; they go with the session.
        }

        @Override
        public String refusal(String username) {
            return "The server did not accept the key " + file.getFileName() + " for user '" + username + "'.";
        }
    }

    private static List<KeyPair> load(Credentials.KeyFile keyFile) {
        Path file = keyFile.privateKey();
        FilePasswordProvider passphrase = keyFile.passphrase() == null ? FilePasswordProvider.EMPTY
                : FilePasswordProvider.of(new String(keyFile.passphrase()));
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()),
                    in, passphrase);
            List<KeyPair> loaded = new ArrayList<>();
            if (pairs != null) {
                pairs.forEach(loaded::add);
            }
            if (loaded.isEmpty()) {
                throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "The file " + file + " holds no private key.");
            }
            return List.copyOf(loaded);
        } catch (IOException | GeneralSecurityException e) {
            String reason = e.getMessage() == null || e.getMessage().isBlank() ? "it could not be read"
                    : e.getMessage();
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "Could not read the private key " + file
                    + " (an OpenSSH private key, with its passphrase if it has one): " + reason, e);
        }
    }
}
