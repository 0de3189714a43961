package org.gallerist.rules;

import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/**
 * The longest text the server accepts in each field a user fills, in characters (or items, for the lists), and the
 * {@code too_long} error that names the field and its limit. Client and server read the same constants, so a form can
 * show a limit before anything is sent. Each error's details are {@code limit}: the field's name below,
 * {@code max}: its value.
 */
public final class TextLimits {

    /** An image's name (field {@code name}). */
    public static final int NAME = 200;
    /** An image's description (field {@code description}). */
    public static final int DESCRIPTION = 4000;
    /** One tag (field {@code tag}). */
    public static final int TAG = 40;
    /** Tags on one image, or given to one filter (field {@code tags}). */
    public static final int TAGS = 50;
    /** The text of a search, {@code images list --text} (field {@code text}). */
    public static final int SEARCH_TEXT = 500;
    /** Distinct words in one search (field {@code words}). */
    public static final int SEARCH_WORDS = 20;
    /** An account name (field {@code username}). */
    public static final int USERNAME = 32;
    /** A password (field {@code password}). */
    public static final int PASSWORD = 1024;
    /** Lines of one order (field {@code order_lines}). */
    public static final int ORDER_LINES = 200;
    /** The JSON of one order on stdin, in bytes (field {@code order}). */
    public static final int ORDER_BYTES = 1024 * 1024;
    /** An order's request key (field {@code request_key}). */
    public static final int REQUEST_KEY = 64;
    /** The comment after an OpenSSH public key (field {@code key_comment}). */
    public static final int KEY_COMMENT = 200;
    /** One OpenSSH public-key line (field {@code public_key}); an RSA 16384-bit key is about 2,800. */
    public static final int PUBLIC_KEY_LINE = 16_000;

    private TextLimits() {
    }

    /** Returns {@code text} if it has at most {@code max} characters, else throws {@link #tooLong}. */
    public static String requireAtMost(String field, String label, String text, int max) {
        if (text != null && text.length() > max) {
            throw tooLong(field, max, label + " has " + text.length() + " characters; the limit is " + max + ".");
        }
        return text;
    }

    /** {@code too_long} for {@code field}, with the limit's name and value as details. */
    public static GalleristException tooLong(String field, int max, String message) {
        return new GalleristException(ErrorCode.TOO_LONG, message,
                Map.of(GalleristException.LIMIT, field, GalleristException.MAX, max));
    }
}
