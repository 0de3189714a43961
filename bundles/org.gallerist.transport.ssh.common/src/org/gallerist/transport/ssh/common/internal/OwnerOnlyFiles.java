package org.gallerist.transport.ssh.common.internal;

import java.nio.file.FileSystems;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * How both sides create the files OpenSSH keeps private to their owner (mode 600): the server's host key, the
 * client's known_hosts. Where the file system has no POSIX permissions, the folder's defaults apply.
 */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** The attributes to pass to {@code Files.createFile} or {@code Files.createTempFile}. */
    public static FileAttribute<?>[] attributes() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) };
        }
        return new FileAttribute<?>[0];
    }
}
