package org.gallerist.blobs.file.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key of encryption at rest: 32 random bytes in its own file (owner read/write only), created on first use
 * and never replaced. Files are never encrypted with it directly: each file gets its own key, derived with HKDF-SHA256
 * from this one and the file's random salt. Its {@link #id() id} (the first 8 bytes of an HMAC of a fixed label) goes
 * into every file header, so that a file written under another key is told apart from a damaged one.
 */
final class BlobKey {

    static final int KEY_BYTES = 32;
    static final int ID_BYTES = 8;
    private static final String HMAC = "HmacSHA256";
    private static final byte[] ID_LABEL = "gallerist blob key id".getBytes(StandardCharsets.US_ASCII);

    private final Path keyFile;
    private final SecureRandom random;
    private byte[] master; // guarded by this; loaded on first use
    private byte[] id; // guarded by this

    BlobKey(Path keyFile, SecureRandom random) {
        this.keyFile = keyFile;
        this.random = random;
    }

    Path file() {
        return keyFile;
    }

    boolean fileExists() {
        return Files.exists(keyFile);
    }

    /** Loads (or first creates) the key now, so that a missing or broken key shows at start. */
    void load() throws IOException {
        master();
    }

    synchronized byte[] id() throws IOException {
        master();
        return id.clone();
    }

    /** The AES-256 key of one file: HKDF-SHA256 (RFC 5869) of the master key with the file's salt and context. */
    SecretKey fileKey(byte[] salt, byte[] context) throws IOException {
        byte[] okm = null;
        try {
            Mac extract = Mac.getInstance(HMAC);
            extract.init(new SecretKeySpec(salt, HMAC));
            byte[] prk = extract.doFinal(master());
            Mac expand = Mac.getInstance(HMAC);
            expand.init(new SecretKeySpec(prk, HMAC));
            Arrays.fill(prk, (byte) 0);
            expand.update(context);
            expand.update((byte) 1);
            okm = expand.doFinal();
            return new SecretKeySpec(okm, 0, KEY_BYTES, "AES");
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot derive a file key: " + e.getMessage(), e);
        } finally {
            if (okm != null) {
                Arrays.fill(okm, (byte) 0);
            }
        }
    }

    /** The master key itself, for reading files of the old whole-file format, which used it directly. */
    SecretKey legacyKey() throws IOException {
        return new SecretKeySpec(master(), "AES");
    }

    static String hex(byte[] id) {
        return HexFormat.of().formatHex(id);
    }

    private synchronized byte[] master() throws IOException {
        if (master == null) {
            if (!Files.exists(keyFile)) {
                createKeyFile();
            }
            byte[] bytes = Files.readAllBytes(keyFile);
            if (bytes.length != KEY_BYTES) {
                throw new IOException("The blob key " + keyFile + " is not " + KEY_BYTES + " bytes long.");
            }
            try {
                Mac mac = Mac.getInstance(HMAC);
                mac.init(new SecretKeySpec(bytes, HMAC));
                id = Arrays.copyOf(mac.doFinal(ID_LABEL), ID_BYTES);
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot use the blob key " + keyFile + ": " + e.getMessage(), e);
            }
            master = bytes;
        }
        return master;
    }

    private void createKeyFile() throws IOException {
        Path temp = keyFile.resolveSibling(keyFile.getFileName() + ".new-" + Long.toHexString(random.nextLong()));
        if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        try {
            byte[] bytes = new byte[KEY_BYTES];
            random.nextBytes(bytes);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            try {
                Files.move(temp, keyFile); // no replace: a key once used must never change
            } catch (FileAlreadyExistsException e) {
                // another process created it first; use theirs
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
