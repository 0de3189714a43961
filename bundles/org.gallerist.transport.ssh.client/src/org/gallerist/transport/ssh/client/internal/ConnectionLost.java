package org.gallerist.transport.ssh.client.internal;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.ServerAddress;

/**
 * The SSH session ended under a request, as opposed to the server answering with an error. {@link #mayHaveRun()}
 * tells whether the server may have started the command (its channel was open), so whether sending it again could
 * apply it twice.
 */
final class ConnectionLost extends GalleristException {
    private static final long serialVersionUID = 1L;

    private final boolean mayHaveRun;

    ConnectionLost(ServerAddress server, boolean mayHaveRun) {
        super(ErrorCode.CONNECTION_FAILED, "The connection to " + server + (mayHaveRun
                ? " was lost while the request ran; it may or may not have been applied." : " was lost."));
        this.mayHaveRun = mayHaveRun;
    }

    boolean mayHaveRun() {
        return mayHaveRun;
    }
}
