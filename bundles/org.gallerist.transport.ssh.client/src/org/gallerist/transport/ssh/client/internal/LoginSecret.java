package org.gallerist.transport.ssh.client.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;

import org.apache.sshd.client.session.ClientSession;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.Credentials;

/**
 * What a session proves its user with, kept so it can log in again after a drop: its own copy of the password
 * (the caller may wipe theirs), the key pairs read once (the file may be gone or need a passphrase later), or the
 * agent's socket.
 */
sealed interface LoginSecret {

    void offerTo(ClientSession session);

    /** The account's password is now {@code next}; only a password login has anything to update. */
    default void passwordChanged(char[] next) {
        // keys and agents do not change with the password
    }

    /** Forgets what can be forgotten; called when the session is closed for good. */
    void erase();

    /** What the server says when it refuses this secret. */
    String refusal(String username);

    static LoginSecret of(Credentials credentials, MinaKeyFiles keyFiles) {
        return switch (credentials) {
        case Credentials.Password password -> new Password(password.password().clone());
        case Credentials.KeyFile keyFile -> new KeyPairs(keyFile.privateKey(),
                keyFiles.loadPrivate(keyFile.privateKey(), keyFile.passphrase()));
        case Credentials.Agent agent -> new Agent(agent.socket());
        };
    }

    /** Holds a copy that {@link #passwordChanged} replaces, so a reconnect after a change uses the new password. */
    final class Password implements LoginSecret {
        private volatile char[] chars;

        Password(char[] chars) {
            this.chars = chars;
        }

        @Override
        public void offerTo(ClientSession session) {
            session.addPasswordIdentity(new String(chars));
        }

        @Override
        public void passwordChanged(char[] next) {
            char[] old = chars;
            chars = next.clone();
            Arrays.fill(old, '\0');
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

    /** The keys stay in the agent, which signs for each login: nothing to keep or to wipe here. */
    record Agent(Path socket) implements LoginSecret {
        public Agent {
            if (!Files.exists(socket)) {
                throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "No SSH agent is running at " + socket
                        + " (SSH_AUTH_SOCK). Start one with ssh-agent and add your key with ssh-add.");
            }
        }

        @Override
        public void offerTo(ClientSession session) {
            session.setAttribute(SessionAgents.SOCKET, socket);
        }

        @Override
        public void erase() {
            // nothing held
        }

        @Override
        public String refusal(String username) {
            return "The server accepted none of the keys in your SSH agent for user '" + username
                    + "' (add the right one with ssh-add, or add its public key to your account).";
        }
    }
}
