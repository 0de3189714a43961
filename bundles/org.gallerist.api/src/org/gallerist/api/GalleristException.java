package org.gallerist.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A failure the user can understand: a code from the public contract, a message meant for people and, where a
 * program needs more than the code, details (e.g. a duplicate upload's {@code existing_id}). Details travel as extra
 * fields of the error object; their values are strings, numbers, booleans, lists and maps of those.
 * Anything else that escapes a command is reported as {@link ErrorCode#INTERNAL} without details.
 */
public class GalleristException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Detail of {@code duplicate}: the id of the image (or key) already there. */
    public static final String EXISTING_ID = "existing_id";
    /** Detail of {@code insufficient_stock}: a list of {@code {image, name, available, requested}} objects. */
    public static final String SHORT_LINES = "short";
    /** Detail of {@code usage}: the word the command line could not use. */
    public static final String WORD = "word";
    /** Detail of {@code usage}: the usage line of the command that was called. */
    public static final String USAGE = "usage";
    /** Detail of a limit's error ({@code too_long}, {@code quota_exceeded}, ...): which limit was hit. */
    public static final String LIMIT = "limit";
    /** Detail of a limit's error: the limit's value (characters, bytes, images, sessions or seconds). */
    public static final String MAX = "max";
    /** Detail of {@code internal}: the reference under which the server logged the failure. */
    public static final String REF = "ref";

    private final ErrorCode code;
    private final Map<String, Object> details;

    public GalleristException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public GalleristException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.details = Map.of();
    }

    public GalleristException(ErrorCode code, String message, Map<String, ?> details) {
        super(message);
        this.code = code;
        this.details = copy(details);
    }

    public ErrorCode code() {
        return code;
    }

    /** Fields beside {@code error} and {@code message}, in the order they were given; empty when there are none. */
    public Map<String, Object> details() {
        return details;
    }

    /** One detail as a whole number, e.g. {@link #EXISTING_ID}. */
    public Optional<Long> longDetail(String name) {
        return details.get(name) instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }

    private static Map<String, Object> copy(Map<String, ?> details) {
        Map<String, Object> copy = new LinkedHashMap<>();
        details.forEach((key, value) -> {
            if (key != null && value != null && !key.equals("error") && !key.equals("message")) {
                copy.put(key, value);
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }
}
