package org.gallerist.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one-time token that makes the first admin. Only its SHA-256 is kept, in memory: the token itself goes into the
 * server log and nowhere else, each start without an admin issues a new one (the last one's stops working), and
 * redeeming it forgets it, so it works at most once. 128 random bits make a salt and a slow hash pointless.
 */
final class AdminToken {

    private static final int BYTES = 16;

    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<byte[]> hash = new AtomicReference<>();

    /** A new token (32 hex digits); the previous one no longer works. */
    String issue() {
        byte[] token = new byte[BYTES];
        random.nextBytes(token);
        String text = HexFormat.of().formatHex(token);
        hash.set(sha256(text));
        return text;
    }

    /** True once for the issued token: it is forgotten in the same step, so that two claimants cannot both win. */
    boolean redeem(String token) {
        byte[] current = hash.get();
        if (current == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(current, sha256(token.strip())) && hash.compareAndSet(current, null);
    }

    /** Forgets the token: an admin exists now. */
    void revoke() {
        hash.set(null);
    }

    boolean issued() {
        return hash.get() != null;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
