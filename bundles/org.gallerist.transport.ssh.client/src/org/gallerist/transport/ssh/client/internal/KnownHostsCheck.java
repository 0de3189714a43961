package org.gallerist.transport.ssh.client.internal;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.HostKeyTrust;
import org.gallerist.api.client.ServerAddress;

/**
 * Checks one connection's host key against a known_hosts file the OpenSSH way: a known key passes, an unknown one
 * is put to the {@link HostKeyTrust} (and remembered as {@code [host]:port} if trusted), a changed one is refused.
 * Remembers why it refused, so the caller can report that instead of a bare "key exchange failed".
 */
final class KnownHostsCheck extends KnownHostsServerKeyVerifier {

    private final ServerAddress server;
    private final HostKeyTrust trust;
    private volatile GalleristException refusal;
    private volatile boolean asking;

    KnownHostsCheck(Path knownHosts, ServerAddress server, HostKeyTrust trust) {
        super((session, remote, key) -> true, knownHosts); // the decision is made in acceptUnknownHostKey
        this.server = server;
        this.trust = trust;
    }

    /** Whether the user is being asked about the host key right now: login time limits wait for the answer. */
    boolean asking() {
        return asking;
    }

    /** Why the host key was refused, if it was. */
    GalleristException refusal() {
        return refusal;
    }

    @Override
    protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remote, PublicKey key) {
        String fingerprint = fingerprint(key);
        boolean trusted;
        asking = true;
        try {
            trusted = trust.trustNewHost(server.host(), server.port(), KeyUtils.getKeyType(key), fingerprint);
        } catch (RuntimeException e) {
            trusted = false;
        } finally {
            asking = false;
        }
        if (!trusted) {
            refusal = new GalleristException(ErrorCode.HOST_KEY_REJECTED, "The host key of " + server + " ("
                    + fingerprint + ") is not known and was not trusted; the connection was closed.");
            return false;
        }
        return super.acceptUnknownHostKey(session, remote, key);
    }

    @Override
    public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remote, KnownHostEntry entry,
            PublicKey expected, PublicKey actual) {
        refusal = new GalleristException(ErrorCode.HOST_KEY_CHANGED, "WARNING: The server's host key has changed! "
                + server + " now presents " + KeyUtils.getKeyType(actual) + " key " + fingerprint(actual)
                + ", but " + getPath() + " remembers " + fingerprint(expected) + " for it. Someone could be "
                + "intercepting the connection (a possible man-in-the-middle attack), so it was refused. If the change "
                + "is expected (the server was reinstalled), remove the old entry from " + getPath() + " and connect again.");
        return false;
    }

    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }
}
