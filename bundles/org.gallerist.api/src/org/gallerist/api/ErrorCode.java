package org.gallerist.api;

/**
 * The error codes of the public contract: each travels as {@code {"error": CODE, "message": TEXT, ...details}}, the
 * details being fields a program may read (see {@link GalleristException#details()}).
 */
public enum ErrorCode {
    INVALID_ARGUMENT("invalid_argument"),
    /** A call the command line cannot parse: unknown command or option, missing or mistyped value (exit status 2). */
    USAGE("usage"),
    /** Sent by servers before 0.2 for an unknown command word; newer ones answer {@link #USAGE}. */
    UNKNOWN_COMMAND("unknown_command"),
    USER_EXISTS("user_exists"),
    WEAK_PASSWORD("weak_password"),
    NOT_FOUND("not_found"),
    FORBIDDEN("forbidden"),
    UNAUTHORIZED("unauthorized"),
    RATE_LIMITED("rate_limited"),
    SIGNUP_DISABLED("signup_disabled"),
    DUPLICATE("duplicate"),
    NOT_AN_IMAGE("not_an_image"),
    CORRUPT_IMAGE("corrupt_image"),
    TOO_LARGE("too_large"),
    INSUFFICIENT_STOCK("insufficient_stock"),
    CONNECTION_FAILED("connection_failed"),
    HOST_KEY_REJECTED("host_key_rejected"),
    HOST_KEY_CHANGED("host_key_changed"),
    UNAVAILABLE("unavailable"),
    INTERNAL("internal");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used on the wire. */
    public String wireName() {
        return wireName;
    }

    /** The code for a wire name; unknown names map to {@link #INTERNAL}. */
    public static ErrorCode fromWireName(String name) {
        for (ErrorCode code : values()) {
            if (code.wireName.equals(name)) {
                return code;
            }
        }
        return INTERNAL;
    }
}
