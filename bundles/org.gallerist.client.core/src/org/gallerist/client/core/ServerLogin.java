package org.gallerist.client.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.client.Credentials;
import org.gallerist.api.client.GalleristClient;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.HostKeyTrust;
import org.gallerist.api.client.ServerAddress;

/**
 * Logs in, or creates an account and then logs in, through a {@link GalleristClient}. Blocks on the network:
 * call it from a background job, never from the UI thread.
 */
public final class ServerLogin {
    private final GalleristClient client;
    private final Path knownHosts;
    private final HostKeyTrust trust;
    private final Optional<Path> agent;

    public ServerLogin(GalleristClient client, Path knownHosts, HostKeyTrust trust) {
        this(client, knownHosts, trust, Optional.empty());
    }

    /** @param agent the ssh-agent's socket, as {@code SSH_AUTH_SOCK} names it, if one runs */
    public ServerLogin(GalleristClient client, Path knownHosts, HostKeyTrust trust, Optional<Path> agent) {
        this.client = Objects.requireNonNull(client, "client");
        this.knownHosts = Objects.requireNonNull(knownHosts, "knownHosts");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.agent = Objects.requireNonNull(agent, "agent");
    }

    /** Whether an ssh-agent was found to log in with. */
    public boolean hasAgent() {
        return agent.isPresent();
    }

    /**
     * Logs in the way the settings say.
     *
     * @param secret the password, or the key file's passphrase (empty when it has none); unused for the agent
     */
    public Connection logIn(ConnectionSettings settings, char[] secret) {
        ServerAddress server = settings.server();
        GalleristSession session = client.connect(server, credentials(settings, secret), knownHosts, trust);
        try {
            User user = session.whoami();
            return new Connection(session, user);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private Credentials credentials(ConnectionSettings settings, char[] secret) {
        return switch (settings.method()) {
        case PASSWORD -> new Credentials.Password(settings.user(), secret);
        case KEY_FILE -> new Credentials.KeyFile(settings.user(), FormValidation.keyFilePath(settings.keyFile()),
                secret.length == 0 ? null : secret);
        case AGENT -> new Credentials.Agent(settings.user(), agent.orElseThrow(() -> new GalleristException(
                ErrorCode.INVALID_ARGUMENT, "No SSH agent is running (SSH_AUTH_SOCK is not set).")));
        };
    }

    /** Creates the account through the sign-up entry (always with a password), then logs in as the new user. */
    public Connection createAccount(ConnectionSettings settings, char[] password) {
        client.signUp(settings.server(), settings.user(), password, List.of(), knownHosts, trust);
        return logIn(settings.withLogin(LoginMethod.PASSWORD, settings.keyFile()), password);
    }
}
