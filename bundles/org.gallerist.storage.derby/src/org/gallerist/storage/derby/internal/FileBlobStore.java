package org.gallerist.storage.derby.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.spi.storage.BlobStore;
import org.gallerist.spi.storage.DataFolder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Content-addressed files in {@code <dataDir>/blobs/ab/cd/<sha256>}, staged in {@code <dataDir>/blobs/tmp}. A blob
 * reaches its final name only by an atomic rename of a file already flushed to disk, so a crash leaves at most
 * staging leftovers, which {@link #sweep} removes.
 * <p>
 * With {@code encryptAtRest}, new files are encrypted by {@link BlobCipher} with the key in {@code <dataDir>/blob.key}.
 * Files without its header are read as plain, so switching encryption on (or off) never makes existing files
 * unreadable. Keys stay the sha-256 of the plain bytes.
 */
@Component(service = BlobStore.class, configurationPid = BlobStoreConfig.PID)
@Designate(ocd = BlobStoreConfig.class)
public class FileBlobStore implements BlobStore {

    private static final int BUFFER = 64 * 1024;
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final String TMP = "tmp";

    private final Path blobs;
    private final Path staging;
    private final BlobCipher cipher;
    private final boolean encrypt;

    @Activate
    public FileBlobStore(@Reference DataFolder data, BlobStoreConfig config) throws IOException {
        this(data.path(), config.encryptAtRest());
    }

    FileBlobStore(Path dataDir, boolean encrypt) throws IOException {
        this.blobs = dataDir.resolve("blobs");
        this.staging = blobs.resolve(TMP);
        this.cipher = new BlobCipher(dataDir.resolve("blob.key"));
        this.encrypt = encrypt;
        Files.createDirectories(staging);
        if (encrypt) {
            cipher.loadKey(); // a missing or broken key shows at start, not at the first upload
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
                    cipher.encrypt(content, key, out);
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
        return cipher.plain(new BufferedInputStream(Files.newInputStream(file), BUFFER), key);
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
            cipher.encrypt(in, key, Channels.newOutputStream(channel));
            channel.force(true);
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
