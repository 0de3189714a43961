package org.gallerist.server.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A java.util.logging handler that appends to one file and rotates it by size: {@code gallerist.log} is always the
 * current file, {@code gallerist.log.1} the one before, up to {@code count - 1}; the oldest goes. JUL's own
 * FileHandler rotates too, but then the current file is {@code gallerist.log.0} and lock files lie beside it.
 * The folder is created {@code 0700} and the files {@code 0600}: log lines name users and where they came from.
 */
final class RotatingLogFile extends Handler {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;
    private final long limitBytes;
    private final int count;
    private OutputStream out;
    private long size;

    RotatingLogFile(Path file, long limitBytes, int count) throws IOException {
        if (limitBytes < 1 || count < 1) {
            throw new IllegalArgumentException("limit and count must be positive");
        }
        this.file = file;
        this.limitBytes = limitBytes;
        this.count = count;
        createPrivateFolder(file.getParent());
        setFormatter(new LogFileFormatter());
        open();
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (out == null || !isLoggable(record)) {
            return;
        }
        byte[] bytes;
        try {
            bytes = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError("Formatting a log record failed", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            if (size > 0 && size + bytes.length > limitBytes) {
                rotate();
            }
            out.write(bytes);
            out.flush();
            size += bytes.length;
        } catch (IOException e) {
            reportError("Writing " + file + " failed", e, ErrorManager.WRITE_FAILURE);
        }
    }

    @Override
    public synchronized void flush() {
        if (out != null) {
            onFile("Flushing", ErrorManager.FLUSH_FAILURE, out::flush);
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            onFile("Closing", ErrorManager.CLOSE_FAILURE, out::close);
            out = null;
        }
    }

    /** Runs one step on the open file; a failure goes to the handler's error manager, never to the logging caller. */
    private void onFile(String doing, int errorCode, FileStep step) {
        try {
            step.run();
        } catch (IOException e) {
            reportError(doing + " " + file + " failed", e, errorCode);
        }
    }

    private interface FileStep {
        void run() throws IOException;
    }

    /** {@code gallerist.log.(n-1)} → {@code .n}, …, {@code gallerist.log} → {@code .1}; the oldest is replaced. */
    private void rotate() throws IOException {
        out.close();
        out = null;
        for (int generation = count - 1; generation >= 1; generation--) {
            Path from = generation(generation - 1);
            if (Files.exists(from)) {
                Files.move(from, generation(generation), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (count == 1) {
            Files.deleteIfExists(file);
        }
        open();
    }

    private Path generation(int generation) {
        return generation == 0 ? file : file.resolveSibling(file.getFileName() + "." + generation);
    }

    private void open() throws IOException {
        if (POSIX && !Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE));
        size = Files.size(file);
    }

    private static void createPrivateFolder(Path folder) throws IOException {
        if (!POSIX) {
            Files.createDirectories(folder);
            return;
        }
        var owner = PosixFilePermissions.fromString("rwx------");
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(owner));
        }
        Files.setPosixFilePermissions(folder, owner); // also when it was made by hand with the umask's permissions
    }
}
