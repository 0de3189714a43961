package org.gallerist.blobs.file.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Where uploads wait, in the clear, while they are checked and thumbnailed when encryption at rest is on: a private
 * folder on a memory-backed file system (tmpfs, {@code /dev/shm} by default), never the disk. The image decoders read
 * the staged upload by path, so it has to be a file; on tmpfs that file lives in memory, bounded by the upload size
 * limit, and vanishes with a power loss. The folder is named after the data folder, so that the start-up sweep finds
 * what a crash left, and it is used only if it is a real folder owned by this user with mode 0700 ({@code /dev/shm}
 * is writable by everyone, so someone else might have made it first).
 */
final class MemoryStaging {

    static final Path DEFAULT_BASE = Path.of("/dev/shm");
    private static final Set<String> MEMORY_FILE_SYSTEMS = Set.of("tmpfs", "ramfs");

    private MemoryStaging() {
    }

    /** The private staging folder for {@code dataDir} under {@code base} (empty: {@link #DEFAULT_BASE}), made if new. */
    static Path folder(Path dataDir, String base) throws IOException {
        Path parent = base == null || base.isBlank() ? DEFAULT_BASE : Path.of(base.trim());
        if (!Files.isDirectory(parent)) {
            throw new IOException("Encryption at rest keeps uploads being checked in memory, in a folder on a tmpfs,"
                    + " but " + parent + " does not exist; set stagingDir of " + BlobStoreConfig.PID
                    + " to a folder on a memory-backed file system.");
        }
        FileStore store = Files.getFileStore(parent);
        if (!MEMORY_FILE_SYSTEMS.contains(store.type())) {
            throw new IOException("Encryption at rest keeps uploads being checked in memory, but " + parent
                    + " is on a " + store.type() + " file system, not a tmpfs; set stagingDir of " + BlobStoreConfig.PID
                    + " to a folder on a memory-backed file system.");
        }
        Path folder = parent.resolve("gallerist-staging-" + nameFor(dataDir));
        try {
            Files.createDirectory(folder,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            // from an earlier run (or someone else's): checked below
        }
        PosixFileAttributes own = Files.readAttributes(dataDir, PosixFileAttributes.class);
        PosixFileAttributes found = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!found.isDirectory() || !found.owner().equals(own.owner())
                || !PosixFilePermissions.toString(found.permissions()).equals("rwx------")) {
            throw new IOException("Refusing the staging folder " + folder + ": it must be a folder owned by "
                    + own.owner().getName() + " with mode 0700, and is " + (found.isSymbolicLink() ? "a link"
                            : found.owner().getName() + "'s " + PosixFilePermissions.toString(found.permissions()))
                    + ".");
        }
        return folder;
    }

    private static String nameFor(Path dataDir) throws IOException {
        try {
            byte[] path = dataDir.toRealPath().toString().getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(path), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
