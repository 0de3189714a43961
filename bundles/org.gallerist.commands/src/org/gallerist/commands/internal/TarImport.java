package org.gallerist.commands.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.spi.command.CommandOutput;
import org.gallerist.api.image.ImageService;
import org.gallerist.api.image.NewImage;
import org.gallerist.protocol.Replies;
import org.gallerist.rules.ImageRules;

/**
 * {@code images import}: every regular file of a tar on stdin becomes an image with the shared price, quantity, tags
 * and visibility, named after its file. One result line per file; a bad file never stops the others, only an archive
 * that cannot be read any further does.
 *
 * The archive is held to {@link ImportLimits}: a file over the per-file size is refused without being read, and the
 * import stops with a {@code too_large} error naming the limit before an entry beyond the count, or a file that would
 * take the archive's total over its limit.
 *
 * Files are stored {@link ImportWorkers#count()} at a time, in an {@link ImportWindow}; their result lines keep the
 * order of the archive. Under a per-user quota, which of the files in flight together get in is not fixed by their
 * order.
 *
 * @param shared everything but the name, already validated
 */
record TarImport(ImageService images, User caller, NewImage shared, ImportLimits limits, ImportWorkers workers) {

    /** Files of one import held in memory while they wait for a worker or are being stored. */
    static final long MAX_HELD_BYTES = 64L * 1024 * 1024;

    void run(InputStream tar, CommandOutput output) throws IOException {
        int files = 0;
        int entryCount = 0;
        long totalBytes = 0;
        try (TarArchiveInputStream entries = new TarArchiveInputStream(tar);
                ImportWindow window = new ImportWindow(workers.pool(), output, workers.count() + 1,
                        MAX_HELD_BYTES)) {
            TarArchiveEntry entry;
            while ((entry = nextEntry(entries, files, window)) != null) {
                if (++entryCount > limits.maxImportEntries()) {
                    window.finish();
                    throw archiveLimit("import_entries", limits.maxImportEntries(), "The archive has more than "
                            + limits.maxImportEntries() + " entries", files);
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (entry.isFile() && totalBytes + entry.getSize() > limits.maxImportBytes()) {
                    window.finish();
                    throw archiveLimit("import_bytes", limits.maxImportBytes(), "The files of the archive hold more"
                            + " than " + limits.maxImportBytes() + " bytes", files);
                }
                totalBytes += entry.isFile() ? entry.getSize() : 0;
                files++;
                String name = entry.getName();
                if (!entry.isFile()) {
                    window.answer(Replies.ImportOutcome.failed(name, ErrorCode.INVALID_ARGUMENT,
                            "Only regular files are imported, not links or devices."));
                    continue;
                }
                if (entry.getSize() > limits.maxImportEntryBytes()) {
                    window.answer(Replies.ImportOutcome.failed(name, ErrorCode.TOO_LARGE, "The file has "
                            + entry.getSize() + " bytes; an imported file may have at most "
                            + limits.maxImportEntryBytes() + "."));
                    continue;
                }
                byte[] content;
                try {
                    content = entries.readAllBytes();
                } catch (IOException e) {
                    window.finish();
                    output.emit(Replies.ImportOutcome.failed(name, ErrorCode.INVALID_ARGUMENT,
                            "The archive ends in the middle of this file."));
                    throw brokenArchive(files);
                }
                NewImage image = named(name);
                window.submit(sha256(content), content.length, () -> store(name, image, content));
            }
            window.finish();
            if (files == 0) {
                throw new GalleristException(ErrorCode.INVALID_ARGUMENT,
                        "The archive holds no files. Send a tar of images on stdin.");
            }
            if (window.failed() > 0) {
                throw new GalleristException(window.firstFailure(),
                        window.failed() + " of " + files + " files could not be imported; see the result lines.");
            }
        }
    }

    /** On a worker; a refused file is an outcome, a failure of the server ends the import. */
    private Replies.ImportOutcome store(String name, NewImage image, byte[] content) {
        try {
            return Replies.ImportOutcome.imported(name, images.upload(caller, image,
                    new ByteArrayInputStream(content)));
        } catch (GalleristException e) {
            return Replies.ImportOutcome.failed(name, e.code(), e.getMessage());
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private NewImage named(String path) {
        return new NewImage(nameOf(path), shared.description(), shared.tags(), shared.price(), shared.quantity(),
                shared.visibility());
    }

    /** The file name without folders and extension, e.g. {@code holiday/Beach Day.jpeg} → {@code Beach Day}. */
    static String nameOf(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        String name = (dot > 0 ? file.substring(0, dot) : file).strip();
        if (name.isEmpty()) {
            name = file.strip();
        }
        return name.length() > ImageRules.MAX_NAME ? name.substring(0, ImageRules.MAX_NAME).strip() : name;
    }

    /** The next entry; a damaged archive ends the import once the files before it are answered. */
    private static TarArchiveEntry nextEntry(TarArchiveInputStream entries, int filesSoFar, ImportWindow window)
            throws IOException {
        try {
            return entries.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            window.finish();
            throw brokenArchive(filesSoFar);
        }
    }

    private static GalleristException archiveLimit(String limit, long max, String what, int filesSoFar) {
        return new GalleristException(ErrorCode.TOO_LARGE, what + "; the import stopped there"
                + (filesSoFar == 0 ? "." : ", after the " + filesSoFar + " files above."),
                Map.of(GalleristException.LIMIT, limit, GalleristException.MAX, max));
    }

    private static GalleristException brokenArchive(int filesSoFar) {
        return new GalleristException(ErrorCode.INVALID_ARGUMENT, filesSoFar == 0
                ? "The input is not a tar archive (or it is damaged). Send a tar of images on stdin."
                : "The archive is truncated or damaged after " + filesSoFar + " files; the files above were handled.");
    }
}
