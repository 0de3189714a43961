package org.gallerist.transport.ssh.common.internal;

import org.apache.sshd.common.PropertyResolver;
import org.apache.sshd.common.helpers.AbstractFactoryManager;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * TCP_NODELAY on every socket of a server or client. A request and its reply are a few small SSH packets each
 * (channel open, exec, data, EOF, exit status, close); with Nagle's algorithm on, a packet waits for the ACK of the
 * one before, which the other side delays by up to 40 ms, so every small exchange paid that delay. SSH frames its own
 * packets, so nothing is gained by letting TCP coalesce them. Server and client both apply it, so that neither side
 * waits on the other.
 */
public final class LowLatencySockets {

    private LowLatencySockets() {
    }

    /** Before {@code start()}: the acceptor or connector reads the option when it opens each socket. */
    public static void apply(AbstractFactoryManager manager) {
        CoreModuleProperties.TCP_NODELAY.set(manager, true);
    }

    /** Whether {@link #apply} was applied to {@code resolver} (a manager or one of its sessions). */
    public static boolean applied(PropertyResolver resolver) {
        return CoreModuleProperties.TCP_NODELAY.getRequired(resolver);
    }
}
