package org.gallerist.transport.ssh.client.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/** Plain-language reasons for low-level failures; never just an exception's class name. */
final class Failures {

    private Failures() {
    }

    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "the connection was refused (is the server running on that port?)";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "the host name could not be resolved";
            }
            if (t instanceof NoRouteToHostException) {
                return "there is no route to the host";
            }
            if (t instanceof SocketTimeoutException) {
                return "the server did not answer in time";
            }
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "the connection failed" : message;
    }
}
