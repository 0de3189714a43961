package org.gallerist.api;

/**
 * A failure the user can understand: a code from the public contract and a message meant for people.
 * Anything else that escapes a command is reported as {@link ErrorCode#INTERNAL} without details.
 */
public class GalleristException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public GalleristException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public GalleristException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
