package org.gallerist.rules;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/**
 * Where a page ended in the stable newest-first order {@code (created DESC, id DESC)}. Keyset paging over that
 * order never repeats or skips an image while others are added or deleted. Opaque to clients: base64url of
 * {@code v1:CREATED_MS:ID}.
 */
public record PageCursor(long createdMillis, long id) {

    private static final String VERSION = "v1";

    public String encode() {
        String raw = VERSION + ":" + createdMillis + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    public static PageCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            String[] parts = raw.split(":");
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException(raw);
            }
            return new PageCursor(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT,
                    "Invalid cursor: pass the 'next' value of the previous page unchanged.");
        }
    }
}
