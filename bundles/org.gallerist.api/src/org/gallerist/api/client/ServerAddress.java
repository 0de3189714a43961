package org.gallerist.api.client;

import java.util.Objects;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/** Where a Gallerist server listens. */
public record ServerAddress(String host, int port) {
    public static final int DEFAULT_PORT = 2222;

    public ServerAddress {
        Objects.requireNonNull(host, "host");
        host = host.strip();
        if (host.isEmpty()) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "The server host is empty.");
        }
        if (port < 1 || port > 65535) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "The port must be between 1 and 65535, not " + port + ".");
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
