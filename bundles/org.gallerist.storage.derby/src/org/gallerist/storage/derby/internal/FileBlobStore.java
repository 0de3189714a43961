package org.gallerist.storage.derby.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.spi.BlobStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Content-addressed files in {@code <dataDir>/blobs/ab/cd/<sha256>}, staged in {@code <dataDir>/blobs/tmp}. A blob
 * reaches its final name only by an atomic rename of a file already flushed to disk, so a crash leaves at most
 * staging leftovers, which {@link #sweep} removes.
 * <p>
 * With {@code encryptAtRest}, new files are AES-256-GCM encrypted: {@link #MAGIC}, a random 12-byte nonce, then the
 * ciphertext with its 16-byte tag; the content key is bound as associated data. The key is 32 random bytes in
 * {@code <dataDir>/blob.key} (owner read/write only), created on first use. Files without the header are plain, so
 * switching encryption on (or off) never makes existing files unreadable. Keys stay the sha-256 of the plain bytes.
 */
@Component(service = BlobStore.class, configurationPid = "org.gallerist.server",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class FileBlobStore implements BlobStore {

    static final byte[] MAGIC = "GLRY-AESGCM-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final int BUFFER = 64 * 1024;
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final String TMP = "tmp";

    private final Path blobs;
    private final Path staging;
    private final Path keyFile;
    private final boolean encrypt;
    private final SecureRandom random = new SecureRandom();
    private SecretKey secretKey; // guarded by this; loaded on first use

    @Activate
    public FileBlobStore(BlobStoreConfig config) throws IOException {
        this(Path.of(config.dataDir()), config.encryptAtRest());
    }

    FileBlobStore(Path dataDir, boolean encrypt) throws IOException {
        this.blobs = dataDir.resolve("blobs");
        this.staging = blobs.resolve(TMP);
        this.keyFile = dataDir.resolve("blob.key");
        this.encrypt = encrypt;
        Files.createDirectories(staging);
        if (encrypt) {
            secretKey(); // a missing or broken key shows at start, not at the first upload
        }
    }

    @Override
    public Staged stage(InputStream content, long maxBytes) throws IOException {
        Path file = Files.createTempFile(staging, "stage-", ".part");
        boolean staged = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            for (int read; (read = content.read(buffer)) != -1;) {
                total += read;
                if (total > maxBytes) {
                    throw new GalleristException(ErrorCode.TOO_LARGE,
                            "The upload is larger than the limit of " + describeSize(maxBytes) + ".");
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
            if (total == 0) {
                throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "No image data was received.");
            }
            staged = true;
            return new StagedFile(file, total, HexFormat.of().formatHex(digest.digest()));
        } finally {
            if (!staged) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public String put(byte[] content) throws IOException {
        String key = HexFormat.of().formatHex(sha256().digest(content));
        Path target = path(key);
        if (Files.exists(target)) {
            return key;
        }
        Path temp = Files.createTempFile(staging, "put-", ".part");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                if (encrypt) {
                    Cipher cipher = startEncryption(out, key);
                    out.write(finish(cipher, content));
                } else {
                    out.write(content);
                }
                channel.force(true);
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path file = path(key);
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            in.mark(MAGIC.length);
            byte[] head = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(head, MAGIC)) {
                in.reset();
                return in; // written before encryption was switched on
            }
            byte[] nonce = in.readNBytes(NONCE_BYTES);
            if (nonce.length != NONCE_BYTES) {
                throw new IOException("The stored file for " + key + " is truncated.");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(key.getBytes(StandardCharsets.US_ASCII));
            return new CipherInputStream(in, cipher);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        } catch (GeneralSecurityException e) {
            in.close();
            throw new IOException("Cannot decrypt the stored file for " + key + ".", e);
        }
    }

    @Override
    public boolean exists(String key) {
        return KEY.matcher(String.valueOf(key)).matches() && Files.isRegularFile(path(key));
    }

    @Override
    public void remove(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    /** Meant for start-up: anything staged at that moment is a crash leftover. */
    @Override
    public int sweep(Set<String> keep) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(staging)) {
            for (Path leftover : leftovers) {
                if (Files.isRegularFile(leftover) && Files.deleteIfExists(leftover)) {
                    removed++;
                }
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(blobs, 3)) {
            files = walk.filter(file -> !file.startsWith(staging) && blobs.relativize(file).getNameCount() == 3
                    && Files.isRegularFile(file)).toList();
        }
        for (Path file : files) {
            if (!keep.contains(file.getFileName().toString()) && Files.deleteIfExists(file)) {
                removed++;
            }
        }
        return removed;
    }

    Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a content key: " + key);
        }
        return blobs.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private final class StagedFile implements Staged {
        private final Path file;
        private final long size;
        private final String sha256;
        private boolean committed;

        StagedFile(Path file, long size, String sha256) {
            this.file = file;
            this.size = size;
            this.sha256 = sha256;
        }

        @Override
        public Path file() {
            return file;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public String sha256() {
            return sha256;
        }

        @Override
        public synchronized String commit() throws IOException {
            if (committed) {
                return sha256;
            }
            Path target = path(sha256);
            if (!Files.exists(target)) {
                if (encrypt) {
                    Path encrypted = Files.createTempFile(staging, "enc-", ".part");
                    try {
                        encryptFile(file, encrypted, sha256);
                        moveIntoPlace(encrypted, target);
                    } finally {
                        Files.deleteIfExists(encrypted);
                    }
                } else {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                    moveIntoPlace(file, target);
                }
            }
            Files.deleteIfExists(file);
            committed = true;
            return sha256;
        }

        @Override
        public synchronized void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the start-up sweep removes it
            }
        }
    }

    private void encryptFile(Path plain, Path encrypted, String key) throws IOException {
        try (InputStream in = Files.newInputStream(plain);
                FileChannel channel = FileChannel.open(encrypted, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            Cipher cipher = startEncryption(out, key);
            byte[] buffer = new byte[BUFFER];
            for (int read; (read = in.read(buffer)) != -1;) {
                byte[] chunk = cipher.update(buffer, 0, read);
                if (chunk != null) {
                    out.write(chunk);
                }
            }
            out.write(finish(cipher, new byte[0]));
            channel.force(true);
        }
    }

    /** Writes the header and returns a cipher ready for the content. */
    private Cipher startEncryption(OutputStream out, String key) throws IOException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(key.getBytes(StandardCharsets.US_ASCII));
            out.write(MAGIC);
            out.write(nonce);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot encrypt: " + e.getMessage(), e);
        }
    }

    private static byte[] finish(Cipher cipher, byte[] last) throws IOException {
        try {
            return cipher.doFinal(last);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot encrypt: " + e.getMessage(), e);
        }
    }

    /** Renames a flushed file to its final name atomically, then flushes the directory entry where supported. */
    private static void moveIntoPlace(Path ready, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(ready, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(ready); // the same content arrived meanwhile
            return;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The data folder does not support atomic renames: " + target.getParent(), e);
        }
        try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open or sync a directory (e.g. Windows); the rename itself is atomic
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
                channel.write(java.nio.ByteBuffer.wrap(bytes));
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String describeSize(long bytes) {
        long mb = 1024L * 1024;
        if (bytes >= mb && bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
