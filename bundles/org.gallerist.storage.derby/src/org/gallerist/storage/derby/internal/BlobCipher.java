package org.gallerist.storage.derby.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest of blob files: AES-256-GCM, written as {@link #MAGIC}, a random 12-byte nonce, then the
 * ciphertext with its 16-byte tag; the content key is bound as associated data. The key is 32 random bytes in its own
 * file (owner read/write only), created on first use and never replaced. Files without the header are plain.
 */
final class BlobCipher {

    static final byte[] MAGIC = "GLRY-AESGCM-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final int BUFFER = 64 * 1024;

    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private SecretKey secretKey; // guarded by this; loaded on first use

    BlobCipher(Path keyFile) {
        this.keyFile = keyFile;
    }

    /** Loads (or first creates) the key now, so that a missing or broken key shows at start. */
    void loadKey() throws IOException {
        secretKey();
    }

    /** Writes the content, encrypted, for the blob of this key. */
    void encrypt(byte[] content, String key, OutputStream out) throws IOException {
        Cipher cipher = start(out, key);
        out.write(finish(cipher, content));
    }

    /** Writes all of {@code plain}, encrypted, for the blob of this key. */
    void encrypt(InputStream plain, String key, OutputStream out) throws IOException {
        Cipher cipher = start(out, key);
        byte[] buffer = new byte[BUFFER];
        for (int read; (read = plain.read(buffer)) != -1;) {
            byte[] chunk = cipher.update(buffer, 0, read);
            if (chunk != null) {
                out.write(chunk);
            }
        }
        out.write(finish(cipher, new byte[0]));
    }

    /**
     * The plain content of a stored blob: decrypted if the file has the header, as it is otherwise (it was written
     * before encryption was switched on). Closes {@code stored} if that fails.
     */
    InputStream plain(BufferedInputStream stored, String key) throws IOException {
        try {
            stored.mark(MAGIC.length);
            byte[] head = stored.readNBytes(MAGIC.length);
            if (!Arrays.equals(head, MAGIC)) {
                stored.reset();
                return stored;
            }
            byte[] nonce = stored.readNBytes(NONCE_BYTES);
            if (nonce.length != NONCE_BYTES) {
                throw new IOException("The stored file for " + key + " is truncated.");
            }
            return new CipherInputStream(stored, cipher(Cipher.DECRYPT_MODE, nonce, key));
        } catch (IOException | RuntimeException e) {
            stored.close();
            throw e;
        } catch (GeneralSecurityException e) {
            stored.close();
            throw new IOException("Cannot decrypt the stored file for " + key + ".", e);
        }
    }

    /** Writes the header and returns a cipher ready for the content. */
    private Cipher start(OutputStream out, String key) throws IOException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, key);
            out.write(MAGIC);
            out.write(nonce);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot encrypt: " + e.getMessage(), e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String key) throws GeneralSecurityException, IOException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(key.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static byte[] finish(Cipher cipher, byte[] last) throws IOException {
        try {
            return cipher.doFinal(last);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot encrypt: " + e.getMessage(), e);
        }
    }

    private synchronized SecretKey secretKey() throws IOException {
        if (secretKey == null) {
            if (!Files.exists(keyFile)) {
                createKeyFile();
            }
            byte[] bytes = Files.readAllBytes(keyFile);
            if (bytes.length != KEY_BYTES) {
                throw new IOException("The blob key " + keyFile + " is not " + KEY_BYTES + " bytes long.");
            }
            secretKey = new SecretKeySpec(bytes, "AES");
        }
        return secretKey;
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
