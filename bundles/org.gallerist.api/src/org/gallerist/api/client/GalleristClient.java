package org.gallerist.api.client;

import java.nio.file.Path;
import java.util.List;

import org.gallerist.api.GalleristException;
import org.gallerist.api.User;

/**
 * The client side of the transport, as a service. Implementations verify the server's host key against
 * {@code knownHosts} (OpenSSH format): unknown keys go to the {@link HostKeyTrust}, a changed key is refused
 * with {@code host_key_changed}. All failures are {@link GalleristException}s with readable messages.
 */
public interface GalleristClient {

    /**
     * Logs in and returns an open session; the caller closes it. To log in again after a drop, the session keeps
     * its own copy of the password (or the private keys read from the key file) in memory until it is closed.
     */
    GalleristSession connect(ServerAddress server, Credentials credentials, Path knownHosts, HostKeyTrust trust);

    /**
     * Creates an account through the restricted {@code signup} login, then returns the new user.
     *
     * @param publicKeys OpenSSH public-key lines to authorize (may be empty)
     */
    User signUp(ServerAddress server, String username, char[] password, List<String> publicKeys, Path knownHosts,
            HostKeyTrust trust);

    /** Reading and making the SSH key files a user logs in with. */
    KeyFiles keyFiles();
}
