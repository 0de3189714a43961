package org.gallerist.api.server;

/**
 * Registered by the SSH transport once it accepts connections; unregistered when it stops.
 * The server application waits for it to say "ready", tests use it to find the ephemeral port.
 */
public interface ServerEndpoint {

    String host();

    int port();

    /** The SSH host key's fingerprint, {@code SHA256:...}. */
    String hostKeyFingerprint();
}
