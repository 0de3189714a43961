package org.gallerist.blobs.file.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

import org.gallerist.blobs.file.internal.BlobCipher.Format;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites files of the whole-file AES-GCM format (and, when encryption is on, plain files) into the chunked format,
 * one file at a time: streamed into a new file in staging, forced to disk, then renamed over the old one, so that a
 * crash leaves every file in one format or the other and the next start continues.
 * <p>
 * Old files are decrypted as the CTR stream that AES-GCM is (counter blocks {@code nonce || 2, 3, ...}), which needs
 * no buffering of the file; their tag is not checked, as the whole plain content must hash to the file's name, its
 * content key, which a changed byte cannot.
 */
final class BlobMigration {

    private static final Logger LOG = LoggerFactory.getLogger(BlobMigration.class);
    private static final int NONCE_BYTES = 12;
    private static final int BUFFER = 64 * 1024;

    /** How many files were rewritten from each old form, and how many could not be. */
    record Counts(int wholeFile, int plain, int failed) {
        int migrated() {
            return wholeFile + plain;
        }
    }

    private final BlobCipher cipher;
    private final BlobKey key;
    private final Path staging;

    BlobMigration(BlobCipher cipher, BlobKey key, Path staging) {
        this.cipher = cipher;
        this.key = key;
        this.staging = staging;
    }

    /** Migrates every file of {@code files} (named by their content keys) that is in an old form. */
    Counts migrateAll(List<Path> files, boolean encryptPlain) {
        int wholeFile = 0;
        int plain = 0;
        int failed = 0;
        for (Path file : files) {
            try {
                Format format = formatOf(file);
                if (format == Format.WHOLE_FILE || (format == Format.PLAIN && encryptPlain)) {
                    migrate(file, file.getFileName().toString(), format);
                    if (format == Format.WHOLE_FILE) {
                        wholeFile++;
                    } else {
                        plain++;
                    }
                }
            } catch (IOException | RuntimeException e) {
                failed++;
                LOG.error("Could not rewrite {} in the chunked encrypted format; it stays as it was", file, e);
            }
        }
        return new Counts(wholeFile, plain, failed);
    }

    static Format formatOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return BlobCipher.format(in.readNBytes(BlobCipher.HEADER_BYTES));
        }
    }

    /** Rewrites one file of the given old format; the content must hash to {@code blobKey}. */
    void migrate(Path file, String blobKey, Format format) throws IOException {
        Path temp = Files.createTempFile(staging, "migrate-", ".part");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file);
                    FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                EncryptingOutputStream out = cipher.encrypt(Channels.newOutputStream(channel), blobKey);
                if (format == Format.WHOLE_FILE) {
                    copyWholeFile(in, Files.size(file), blobKey, out, digest);
                } else {
                    copy(in, Long.MAX_VALUE, null, out, digest);
                }
                out.finish();
                channel.force(true);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(blobKey)) {
                throw new DamagedBlobException("The stored file " + file + " is damaged: its content hashes to "
                        + actual + ", not to its name.");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            BlobFiles.forceDirectory(file.getParent());
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot migrate " + file + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void copyWholeFile(InputStream in, long size, String blobKey, OutputStream out, MessageDigest digest)
            throws IOException, GeneralSecurityException {
        byte[] magic = in.readNBytes(BlobCipher.WHOLE_FILE_MAGIC.length);
        byte[] nonce = in.readNBytes(NONCE_BYTES);
        long cipherBytes = size - magic.length - NONCE_BYTES - ChunkSealer.TAG_BYTES;
        if (nonce.length != NONCE_BYTES || cipherBytes < 0) {
            throw new DamagedBlobException("The stored file for " + blobKey + " is truncated.");
        }
        byte[] counter = new byte[16];
        System.arraycopy(nonce, 0, counter, 0, NONCE_BYTES);
        counter[15] = 2; // GCM's first content block; block 1 encrypted the tag
        Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ctr.init(Cipher.DECRYPT_MODE, key.legacyKey(), new IvParameterSpec(counter));
        copy(in, cipherBytes, ctr, out, digest);
    }

    private static void copy(InputStream in, long limit, Cipher ctr, OutputStream out, MessageDigest digest)
            throws IOException {
        byte[] buffer = new byte[BUFFER];
        byte[] plain = new byte[BUFFER];
        long left = limit;
        for (int read; left > 0 && (read = in.read(buffer, 0, (int) Math.min(BUFFER, left))) != -1;) {
            left -= read;
            int length = read;
            byte[] bytes = buffer;
            if (ctr != null) {
                try {
                    length = ctr.update(buffer, 0, read, plain, 0);
                } catch (GeneralSecurityException e) {
                    throw new IOException("Cannot decrypt: " + e.getMessage(), e);
                }
                bytes = plain;
            }
            digest.update(bytes, 0, length);
            out.write(bytes, 0, length);
        }
        if (ctr != null && left > 0) {
            throw new DamagedBlobException("The stored file is shorter than its header says.");
        }
    }
}
