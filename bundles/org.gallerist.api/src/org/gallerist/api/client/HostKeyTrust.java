package org.gallerist.api.client;

/** Asked by the client when it meets a server whose host key is not yet in known_hosts. */
@FunctionalInterface
public interface HostKeyTrust {

    /**
     * @param fingerprint {@code SHA256:...} of the key the server presented
     * @return true to trust and remember the key, false to refuse the connection
     */
    boolean trustNewHost(String host, int port, String keyType, String fingerprint);

    /** Never trusts an unknown host: for scripts and tests that pre-seed known_hosts. */
    HostKeyTrust REFUSE_UNKNOWN = (host, port, keyType, fingerprint) -> false;
}
