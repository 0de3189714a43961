package org.gallerist.blobs.s3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Content-addressed image files in an S3-compatible bucket, {@code PREFIX/ab/<sha256>}, shared by every node. An
 * upload is staged in the node's data folder ({@code s3-staging}) while it is checked, and reaches the bucket only on
 * commit, before any row refers to it. Objects no row refers to are swept only once they are older than
 * {@link #SWEEP_AFTER}, so that a sweep on one node never removes what another node committed a moment ago and is
 * about to refer to. Activated with the server, so that a missing bucket or a refused login stops the start.
 */
@Component(service = BlobStore.class, configurationPid = S3Config.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true) // the bucket is checked at start, not at the first upload
@Designate(ocd = S3Config.class)
public class S3BlobStore implements BlobStore {

    static final Duration SWEEP_AFTER = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(S3BlobStore.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final S3Objects objects;
    private final Path staging;
    private final Duration sweepAfter;

    @Activate
    public S3BlobStore(@Reference DataFolder data, S3Config config) throws IOException {
        this(data.path(), new S3Objects(S3Objects.Location.of(config, System.getenv())), SWEEP_AFTER);
        LOG.info("Image files in {}", objects.where());
    }

    S3BlobStore(Path dataDir, S3Objects objects, Duration sweepAfter) throws IOException {
        this.objects = objects;
        this.sweepAfter = sweepAfter;
        this.staging = dataDir.resolve("s3-staging");
        Files.createDirectories(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                "rwx------")));
        try {
            objects.checkBucket();
        } catch (RuntimeException e) {
            objects.close();
            throw e;
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
                    throw new GalleristException(ErrorCode.TOO_LARGE, "The upload is larger than the limit of "
                            + maxBytes / (1024 * 1024) + " MiB.");
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
            if (total == 0) {
                throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "No image data was received.");
            }
            staged = true;
            return new StagedUpload(file, total, HexFormat.of().formatHex(digest.digest()));
        } finally {
            if (!staged) {
                Files.deleteIfExists(file);
            }
        }
    }

    private final class StagedUpload implements Staged {
        private final Path file;
        private final long size;
        private final String sha256;

        StagedUpload(Path file, long size, String sha256) {
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
        public String commit() throws IOException {
            if (!objects.exists(sha256)) {
                objects.putFile(sha256, file, size);
            }
            Files.deleteIfExists(file);
            return sha256;
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("A staged upload could not be deleted: {}", e.getMessage());
            }
        }
    }

    @Override
    public String put(byte[] content) throws IOException {
        String key = HexFormat.of().formatHex(sha256().digest(content));
        if (!objects.exists(key)) {
            objects.put(key, content);
        }
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return objects.open(requireKey(key));
    }

    @Override
    public boolean exists(String key) {
        if (!KEY.matcher(String.valueOf(key)).matches()) {
            return false;
        }
        try {
            return objects.exists(key);
        } catch (IOException e) {
            LOG.warn("Could not ask the object store for {}: {}", key, e.getMessage());
            return false;
        }
    }

    @Override
    public void remove(String key) throws IOException {
        objects.delete(requireKey(key));
    }

    /** Staging leftovers of this node, and objects older than {@link #SWEEP_AFTER} that are not in {@code keep}. */
    @Override
    public int sweep(Set<String> keep) throws IOException {
        AtomicInteger removed = new AtomicInteger();
        try (Stream<Path> leftovers = Files.list(staging)) {
            for (Path leftover : leftovers.toList()) {
                Files.deleteIfExists(leftover);
                removed.incrementAndGet();
            }
        }
        Instant before = Instant.now().minus(sweepAfter);
        IOException[] failed = new IOException[1];
        objects.forEach((key, written) -> {
            if (failed[0] == null && KEY.matcher(key).matches() && !keep.contains(key) && written.isBefore(before)) {
                try {
                    objects.delete(key);
                    removed.incrementAndGet();
                } catch (IOException e) {
                    failed[0] = e;
                }
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        return removed.get();
    }

    private static String requireKey(String key) throws IOException {
        if (!KEY.matcher(String.valueOf(key)).matches()) {
            throw new IOException("Not a blob key: " + key);
        }
        return key;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Deactivate
    void close() {
        objects.close();
    }
}
