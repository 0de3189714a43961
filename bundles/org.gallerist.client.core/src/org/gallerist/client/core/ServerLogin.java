package org.gallerist.client.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

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

    public ServerLogin(GalleristClient client, Path knownHosts, HostKeyTrust trust) {
        this.client = Objects.requireNonNull(client, "client");
        this.knownHosts = Objects.requireNonNull(knownHosts, "knownHosts");
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    public Connection logIn(ConnectionSettings settings, char[] password) {
        ServerAddress server = settings.server();
        GalleristSession session = client.connect(server, new Credentials.Password(settings.user(), password),
                knownHosts, trust);
        try {
            User user = session.whoami();
            return new Connection(session, user);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Creates the account through the sign-up entry, then logs in as the new user. */
    public Connection createAccount(ConnectionSettings settings, char[] password) {
        client.signUp(settings.server(), settings.user(), password, List.of(), knownHosts, trust);
        return logIn(settings, password);
    }
}
