package org.gallerist.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The one-time tokens of password resets. A token is 20 characters from an alphabet without look-alikes (about 99
 * bits), shown in groups of five to be read out or typed; the groups' dashes, spaces and case do not matter. Tokens
 * are random enough that a plain SHA-256 is a safe thing to store, unlike a password.
 */
final class ResetTokens {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 20;
    private static final int GROUP = 5;

    private final SecureRandom random = new SecureRandom();

    String issue() {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP == 0) {
                token.append('-');
            }
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    static String hash(CharSequence token) {
        StringBuilder normal = new StringBuilder();
        token.chars().filter(c -> c != '-' && !Character.isWhitespace(c)).forEach(c -> normal.append((char) c));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normal.toString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static boolean matches(char[] offered, String storedHash) {
        return MessageDigest.isEqual(hash(new String(offered)).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
