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
    /** The original of an image the caller neither owns nor bought, and its owner does not give away. */
    NOT_PURCHASED("not_purchased"),
    /** A text field longer than its limit (details {@code limit}: the field, {@code max}: its length in characters). */
    TOO_LONG("too_long"),
    /** A per-user quota would be exceeded (details {@code limit}: which quota, {@code max}: its value). */
    QUOTA_EXCEEDED("quota_exceeded"),
    /** Too many sessions at once for this account or source address (details {@code limit}, {@code max}). */
    TOO_MANY_SESSIONS("too_many_sessions"),
    /** The command waited for its standard input longer than allowed (details {@code limit}, {@code max}: seconds). */
    STDIN_TIMEOUT("stdin_timeout"),
    /** The command ran longer than allowed (details {@code limit}, {@code max}: seconds). */
    COMMAND_TIMEOUT("command_timeout"),
    /** The server is at a capacity limit right now (details {@code limit}); try again shortly. */
    BUSY("busy"),
    /** The server's disk has no room for this; nothing was stored. */
    STORAGE_FULL("storage_full"),
    /** The server cannot read this format (details {@code format}, and where known {@code package}). */
    UNSUPPORTED_FORMAT("unsupported_format"),
    /**
     * An admin reset the account's password: until a new one is set ({@code password set}), its sessions may only
     * set it (and ask {@code whoami}, {@code ping}, {@code help}).
     */
    PASSWORD_CHANGE_REQUIRED("password_change_required"),
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
