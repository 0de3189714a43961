package org.gallerist.blobs.file.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
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
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-addressed files in {@code <dataDir>/blobs/ab/cd/<sha256>}, written in {@code <dataDir>/blobs/tmp}. A blob
 * reaches its final name only by an atomic rename of a file already flushed to disk, so a crash leaves at most
 * staging leftovers, which {@link #sweep} removes.
 * <p>
 * With {@code encryptAtRest}, files are written in {@link BlobCipher}'s chunked format with the key in
 * {@code <dataDir>/blob.key}, uploads wait for their checks in {@link MemoryStaging memory} (never in the clear on
 * disk), and a file without a valid header is refused. Files of the older whole-file format, and plain files when
 * encryption is on, are rewritten in the chunked format at start. With it off, new files are plain and encrypted
 * ones stay readable. Keys stay the sha-256 of the plain bytes. Its configuration exists unless the files are to
 * live in an object store ({@code --blobs}), so that exactly one blob store runs.
 */
@Component(service = BlobStore.class, configurationPid = BlobStoreConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BlobStoreConfig.class)
public class FileBlobStore implements BlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileBlobStore.class);
    private static final int BUFFER = 64 * 1024;
    private static final long SPACE_CHECK_BYTES = 4L * 1024 * 1024;
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final String TMP = "tmp";
    private static final String NO_WHOLE_FILE = ".no-whole-file-format";
    private static final String ALL_CHUNKED = ".all-chunked";

    private final Path blobs;
    private final Path diskStaging;
    private final Path uploadStaging;
    private final BlobKey blobKey;
    private final BlobCipher cipher;
    private final BlobMigration migration;
    private final boolean encrypt;
    private final DiskSpace space;

    @Activate
    public FileBlobStore(@Reference DataFolder data, BlobStoreConfig config) throws IOException {
        this(data.path(), config.encryptAtRest(), config.stagingDir(),
                DiskSpace.ofMegabytes(config.diskReserveMegabytes()));
    }

    FileBlobStore(Path dataDir, boolean encrypt) throws IOException {
        this(dataDir, encrypt, "", new DiskSpace(0));
    }

    FileBlobStore(Path dataDir, boolean encrypt, String memoryStagingBase, DiskSpace space) throws IOException {
        this.space = space;
        this.blobs = dataDir.resolve("blobs");
        this.diskStaging = blobs.resolve(TMP);
        SecureRandom random = new SecureRandom();
        this.blobKey = new BlobKey(dataDir.resolve("blob.key"), random);
        this.cipher = new BlobCipher(blobKey, random);
        this.migration = new BlobMigration(cipher, blobKey, diskStaging);
        this.encrypt = encrypt;
        Files.createDirectories(diskStaging);
        if (encrypt) {
            blobKey.load(); // a missing or broken key shows at start, not at the first upload
            this.uploadStaging = MemoryStaging.folder(dataDir, memoryStagingBase);
        } else {
            this.uploadStaging = diskStaging;
        }
        migrateOldFiles();
    }

    /**
     * Rewrites old files unless a marker says there are none: {@value #NO_WHOLE_FILE} once no file of the
     * whole-file format is left, {@value #ALL_CHUNKED} while every file is encrypted (removed when a start with
     * encryption off may add plain files). A file restored from a backup later is handled by {@link #open}.
     */
    private void migrateOldFiles() throws IOException {
        Path noWholeFile = blobs.resolve(NO_WHOLE_FILE);
        Path allChunked = blobs.resolve(ALL_CHUNKED);
        if (!encrypt) {
            Files.deleteIfExists(allChunked);
        }
        boolean wholeFileLeft = blobKey.fileExists() && !Files.exists(noWholeFile);
        if (!wholeFileLeft && (!encrypt || Files.exists(allChunked))) {
            return;
        }
        List<Path> files = blobFiles();
        BlobMigration.Counts counts = migration.migrateAll(files, encrypt);
        if (counts.migrated() > 0 || counts.failed() > 0) {
            LOG.info("Encryption at rest: rewrote {} of {} image files in the chunked format ({} from the whole-file"
                    + " AES-GCM format, {} plain); {} could not be rewritten", counts.migrated(), files.size(),
                    counts.wholeFile(), counts.plain(), counts.failed());
        }
        if (counts.failed() == 0) {
            Files.writeString(noWholeFile, "");
            if (encrypt) {
                Files.writeString(allChunked, "");
            }
        }
    }

    /** Removes what is left in the memory staging folder, and the folder: nothing else would free that memory. */
    @Deactivate
    void deactivate() {
        if (!uploadStaging.equals(diskStaging)) {
            try {
                BlobFiles.deleteFilesIn(uploadStaging);
                Files.deleteIfExists(uploadStaging);
            } catch (IOException e) {
                LOG.warn("Could not remove the staging folder {}", uploadStaging, e);
            }
        }
    }

    /**
     * Stages on the data folder's disk while the reserve allows (checked every {@value #SPACE_CHECK_BYTES} bytes, so
     * a large upload stops early), or in memory with encryption at rest, whose own limit the file system enforces.
     */
    @Override
    public Staged stage(InputStream content, long maxBytes) throws IOException {
        space.require(blobs, 0);
        boolean onDisk = uploadStaging.equals(diskStaging);
        Path file = Files.createTempFile(uploadStaging, "stage-", ".part");
        boolean staged = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            MessageDigest digest = BlobFiles.sha256();
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            for (int read; (read = content.read(buffer)) != -1;) {
                total += read;
                if (total > maxBytes) {
                    throw new GalleristException(ErrorCode.TOO_LARGE,
                            "The upload is larger than the limit of " + BlobFiles.describeSize(maxBytes) + ".");
                }
                if (onDisk && total / SPACE_CHECK_BYTES != (total - read) / SPACE_CHECK_BYTES) {
                    space.require(blobs, 0);
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
            if (total == 0) {
                throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "No image data was received.");
            }
            staged = true;
            return new StagedFile(file, total, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw unlessDiskFull(e);
        } finally {
            if (!staged) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public String put(byte[] content) throws IOException {
        String key = HexFormat.of().formatHex(BlobFiles.sha256().digest(content));
        Path target = path(key);
        if (Files.exists(target)) {
            return key;
        }
        space.require(blobs, content.length);
        Path temp = Files.createTempFile(diskStaging, "put-", ".part");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                if (encrypt) {
                    EncryptingOutputStream encrypted = cipher.encrypt(out, key);
                    encrypted.write(content);
                    encrypted.finish();
                } else {
                    out.write(content);
                }
                channel.force(true);
            }
            BlobFiles.moveIntoPlace(temp, target);
        } catch (IOException e) {
            throw unlessDiskFull(e);
        } finally {
            Files.deleteIfExists(temp);
        }
        return key;
    }

    /** {@code failure} unchanged, or the user's {@link ErrorCode#STORAGE_FULL} if it says the disk is full. */
    private static IOException unlessDiskFull(IOException failure) {
        if (DiskSpace.isDiskFull(failure)) {
            LOG.warn("An image file could not be written, the data folder's disk is full: {}", failure.getMessage());
            throw DiskSpace.full(failure);
        }
        return failure;
    }

    /**
     * The plain content. A file of the chunked format is decrypted while it is read; each chunk is handed out only
     * once it has authenticated, so a damaged file fails with {@link DamagedBlobException}, never with wrong bytes.
     */
    @Override
    public InputStream open(String key) throws IOException {
        Path file = path(key);
        InputStream in = Files.newInputStream(file);
        try {
            byte[] head = in.readNBytes(BlobCipher.HEADER_BYTES);
            switch (BlobCipher.format(head)) {
            case CHUNKED:
                return cipher.decrypt(head, in, key, file);
            case WHOLE_FILE:
                in.close();
                migrateLate(file, key);
                return open(key);
            default:
                if (encrypt) {
                    throw new DamagedBlobException("The stored file " + file + " has no encryption header; with"
                            + " encryption at rest on, such a file is refused rather than served as it is.");
                }
                return new SequenceInputStream(new ByteArrayInputStream(head), in);
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** A file of the whole-file format that appeared after the start (e.g. restored from a backup). */
    private synchronized void migrateLate(Path file, String key) throws IOException {
        if (BlobMigration.formatOf(file) == BlobCipher.Format.WHOLE_FILE) {
            migration.migrate(file, key, BlobCipher.Format.WHOLE_FILE);
            LOG.info("Encryption at rest: rewrote {} from the whole-file AES-GCM format in the chunked format", file);
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
        int removed = BlobFiles.deleteFilesIn(diskStaging);
        if (!uploadStaging.equals(diskStaging)) {
            removed += BlobFiles.deleteFilesIn(uploadStaging);
        }
        for (Path file : blobFiles()) {
            if (!keep.contains(file.getFileName().toString()) && Files.deleteIfExists(file)) {
                removed++;
            }
        }
        return removed;
    }

    private List<Path> blobFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(blobs, 3)) {
            return walk.filter(file -> !file.startsWith(diskStaging) && blobs.relativize(file).getNameCount() == 3
                    && Files.isRegularFile(file)).toList();
        }
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
                try {
                    store(target);
                } catch (IOException e) {
                    throw unlessDiskFull(e);
                }
            }
            Files.deleteIfExists(file);
            committed = true;
            return sha256;
        }

        private void store(Path target) throws IOException {
            if (encrypt) {
                space.require(blobs, size);
                Path encrypted = Files.createTempFile(diskStaging, "enc-", ".part");
                try {
                    encryptFile(file, encrypted, sha256);
                    BlobFiles.moveIntoPlace(encrypted, target);
                } finally {
                    Files.deleteIfExists(encrypted);
                }
            } else {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                BlobFiles.moveIntoPlace(file, target);
            }
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
            EncryptingOutputStream out = cipher.encrypt(Channels.newOutputStream(channel), key);
            in.transferTo(out);
            out.finish();
            channel.force(true);
        }
    }
}
