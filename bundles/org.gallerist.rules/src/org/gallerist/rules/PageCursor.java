package org.gallerist.rules;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/**
 * Where a page ended in the stable order {@code (rank, created DESC, id DESC)}: rank 0 unless a text search ranks
 * some matches lower. Keyset paging over that order never repeats or skips an image while others are added or
 * deleted. Opaque to clients: base64url of {@code v2:RANK:CREATED_MS:ID} ({@code v1:CREATED_MS:ID}, rank 0, from
 * servers before ranks, is still read).
 */
public record PageCursor(int rank, long createdMillis, long id) {

    public PageCursor {
        if (rank < 0 || rank > 1) {
            throw new IllegalArgumentException("A rank is 0 or 1, not " + rank + ".");
        }
    }

    public PageCursor(long createdMillis, long id) {
        this(0, createdMillis, id);
    }

    public String encode() {
        String raw = "v2:" + rank + ":" + createdMillis + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    public static PageCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            String[] parts = raw.split(":");
            if (parts.length == 3 && "v1".equals(parts[0])) {
                return new PageCursor(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            }
            if (parts.length == 4 && "v2".equals(parts[0])) {
                return new PageCursor(Integer.parseInt(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]));
            }
            throw new IllegalArgumentException(raw);
        } catch (RuntimeException e) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT,
                    "Invalid cursor: pass the 'next' value of the previous page unchanged.");
        }
    }
}
