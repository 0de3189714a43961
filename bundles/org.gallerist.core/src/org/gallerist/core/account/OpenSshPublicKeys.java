package org.gallerist.core.account;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.rules.TextLimits;

/**
 * Reads one OpenSSH public-key line ({@code TYPE BASE64 [COMMENT]}) the way {@code authorized_keys} holds it,
 * checks that the blob really is a key of the named type, and computes its {@code SHA256:} fingerprint
 * exactly as {@code ssh-keygen -l} prints it.
 */
public final class OpenSshPublicKeys {

    public static final int MIN_RSA_BITS = 2048;
    private static final Set<String> SUPPORTED = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");

    private OpenSshPublicKeys() {
    }

    public static AuthorizedKey parse(String line, Instant added) {
        String trimmed = line == null ? "" : line.strip();
        if (trimmed.isEmpty()) {
            throw invalid("The public key is empty: give one line as in ~/.ssh/id_ed25519.pub.");
        }
        if (trimmed.length() > TextLimits.PUBLIC_KEY_LINE) {
            throw TextLimits.tooLong("public_key", TextLimits.PUBLIC_KEY_LINE, "The public key line has "
                    + trimmed.length() + " characters; the limit is " + TextLimits.PUBLIC_KEY_LINE + ".");
        }
        String[] fields = trimmed.split("\\s+", 3);
        String type = fields[0];
        if (!SUPPORTED.contains(type)) {
            throw invalid("Unsupported key type '" + shorten(type) + "': use ssh-ed25519, ssh-rsa or ecdsa-sha2-nistp*.");
        }
        if (fields.length < 2) {
            throw invalid("The public key has no key data after '" + type + "'.");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(fields[1]);
        } catch (IllegalArgumentException e) {
            throw invalid("The key data is not valid base64.");
        }
        checkBlob(type, blob);
        String comment = fields.length == 3 ? fields[2].replaceAll("\\p{Cntrl}", " ").strip() : "";
        TextLimits.requireAtMost("key_comment", "The key's comment", comment, TextLimits.KEY_COMMENT);
        String normalized = type + " " + fields[1] + (comment.isEmpty() ? "" : " " + comment);
        return new AuthorizedKey(fingerprint(blob), type, comment, normalized, added);
    }

    /** {@code SHA256:} followed by the unpadded base64 of the blob's SHA-256, as OpenSSH prints it. */
    public static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkBlob(String type, byte[] blob) {
        try {
            ByteBuffer in = ByteBuffer.wrap(blob);
            String blobType = new String(readString(in), StandardCharsets.US_ASCII);
            if (!blobType.equals(type)) {
                throw invalid("The key data is a '" + shorten(blobType) + "' key, but the line says '" + type + "'.");
            }
            switch (type) {
            case "ssh-ed25519" -> {
                if (readString(in).length != 32) {
                    throw invalid("The ed25519 key data is malformed.");
                }
            }
            case "ssh-rsa" -> {
                readString(in); // public exponent
                int bits = new BigInteger(1, readString(in)).bitLength();
                if (bits < MIN_RSA_BITS) {
                    throw invalid("The RSA key has " + bits + " bits; at least " + MIN_RSA_BITS + " are required.");
                }
            }
            default -> {
                readString(in); // curve name
                readString(in); // point
            }
            }
            if (in.hasRemaining()) {
                throw invalid("The key data has trailing bytes.");
            }
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw invalid("The key data is truncated or malformed.");
        }
    }

    private static byte[] readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    private static String shorten(String text) {
        String cleaned = text.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "..." : cleaned;
    }

    private static GalleristException invalid(String message) {
        return new GalleristException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
