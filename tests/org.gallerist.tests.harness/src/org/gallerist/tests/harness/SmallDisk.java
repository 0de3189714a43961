package org.gallerist.tests.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * A small file system of its own (a tmpfs of some tens of MB) for the tests of a full disk, named by the system
 * property {@value #PROPERTY}; {@code .ci/run} mounts one. Without the property such a test is skipped, so that a
 * developer's build needs no root; a property naming no writable folder fails the test.
 */
public final class SmallDisk {

    public static final String PROPERTY = "gallerist.smallDisk";
    private static final int BLOCK = 64 * 1024;

    private SmallDisk() {
    }

    /** The folder on the small disk; skips the test where none was given. */
    public static Path folder() {
        String folder = System.getProperty(PROPERTY, "").strip();
        // The pom's empty default reaches the forked test JVM as the word "null".
        Assumptions.assumeFalse(folder.isEmpty() || folder.equals("null"), "no small disk: run with -D" + PROPERTY + "=DIR (a small tmpfs)");
        Path path = Path.of(folder);
        if (!Files.isDirectory(path) || !Files.isWritable(path)) {
            throw new IllegalStateException(PROPERTY + " names " + path + ", which is not a writable folder");
        }
        return path;
    }

    /** Bytes still free for this user where {@code folder} lives. */
    public static long usable(Path folder) throws IOException {
        return Files.getFileStore(folder).getUsableSpace();
    }

    /**
     * Writes {@code name} in {@code folder} until only about {@code leaveBytes} stay free on its disk (within one
     * block), and returns the file: the ballast a test deletes to make room again.
     */
    public static Path fillLeaving(Path folder, String name, long leaveBytes) throws IOException {
        Path ballast = folder.resolve(name);
        byte[] block = new byte[BLOCK];
        try (OutputStream out = Files.newOutputStream(ballast)) {
            for (long free = usable(folder); free - BLOCK >= leaveBytes; free = usable(folder)) {
                long blocks = Math.max(1, (free - leaveBytes) / BLOCK / 2);
                for (long i = 0; i < blocks; i++) {
                    out.write(block);
                }
                out.flush();
            }
        }
        return ballast;
    }
}
