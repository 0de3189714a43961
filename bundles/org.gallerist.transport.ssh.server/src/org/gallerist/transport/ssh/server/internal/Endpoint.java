package org.gallerist.transport.ssh.server.internal;

import org.gallerist.api.server.ServerEndpoint;

record Endpoint(String host, int port, String hostKeyFingerprint) implements ServerEndpoint {
}
