package org.gallerist.blobs.file.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The file operations the blob store and its migration share: atomic placing, directory flushes, sweeping. */
final class BlobFiles {

    private BlobFiles() {
    }

    /** Renames a flushed file to its final name atomically, then flushes the directory entry where supported. */
    static void moveIntoPlace(Path ready, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(ready, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(ready); // the same content arrived meanwhile
            return;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The data folder does not support atomic renames: " + target.getParent(), e);
        }
        forceDirectory(target.getParent());
    }

    static void forceDirectory(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open or sync a directory (e.g. Windows); the rename itself is atomic
        }
    }

    /** Deletes the regular files directly in {@code folder} (not links, not subfolders); returns how many. */
    static int deleteFilesIn(Path folder) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder)) {
            for (Path leftover : leftovers) {
                if (Files.isRegularFile(leftover, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(leftover)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    static MessageDigest sha256() {
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
