package org.gallerist.commands.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * @param shared everything but the name, already validated
 */
record TarImport(ImageService images, User caller, NewImage shared, ImportLimits limits) {

    void run(InputStream tar, CommandOutput output) throws IOException {
        int files = 0;
        int failed = 0;
        int entryCount = 0;
        long totalBytes = 0;
        ErrorCode firstFailure = null;
        try (TarArchiveInputStream entries = new TarArchiveInputStream(tar)) {
            TarArchiveEntry entry;
            while ((entry = nextEntry(entries, files)) != null) {
                if (++entryCount > limits.maxImportEntries()) {
                    throw archiveLimit("import_entries", limits.maxImportEntries(), "The archive has more than "
                            + limits.maxImportEntries() + " entries", files);
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (entry.isFile() && totalBytes + entry.getSize() > limits.maxImportBytes()) {
                    throw archiveLimit("import_bytes", limits.maxImportBytes(), "The files of the archive hold more"
                            + " than " + limits.maxImportBytes() + " bytes", files);
                }
                totalBytes += entry.isFile() ? entry.getSize() : 0;
                files++;
                EntryContent content = new EntryContent(entries);
                Replies.ImportOutcome outcome;
                try {
                    if (!entry.isFile()) {
                        throw new GalleristException(ErrorCode.INVALID_ARGUMENT,
                                "Only regular files are imported, not links or devices.");
                    }
                    if (entry.getSize() > limits.maxImportEntryBytes()) {
                        throw new GalleristException(ErrorCode.TOO_LARGE, "The file has " + entry.getSize()
                                + " bytes; an imported file may have at most " + limits.maxImportEntryBytes() + ".",
                                Map.of(GalleristException.LIMIT, "import_entry_bytes",
                                        GalleristException.MAX, limits.maxImportEntryBytes()));
                    }
                    outcome = Replies.ImportOutcome.imported(entry.getName(),
                            images.upload(caller, named(entry.getName()), content));
                } catch (GalleristException e) {
                    failed++;
                    firstFailure = firstFailure == null ? e.code() : firstFailure;
                    outcome = Replies.ImportOutcome.failed(entry.getName(), e.code(), e.getMessage());
                } catch (UncheckedIOException e) {
                    if (!content.failed()) {
                        throw e;
                    }
                    output.emit(Replies.ImportOutcome.failed(entry.getName(), ErrorCode.INVALID_ARGUMENT,
                            "The archive ends in the middle of this file."));
                    throw brokenArchive(files);
                }
                output.emit(outcome);
            }
        }
        if (files == 0) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT,
                    "The archive holds no files. Send a tar of images on stdin.");
        }
        if (failed > 0) {
            throw new GalleristException(firstFailure,
                    failed + " of " + files + " files could not be imported; see the result lines.");
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

    private static TarArchiveEntry nextEntry(TarArchiveInputStream entries, int filesSoFar) {
        try {
            return entries.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
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

    /**
     * One entry's bytes for the service: remembers whether reading the archive failed (to tell a truncated archive
     * from a failing disk), and stays open when the service closes it, since the next entry follows.
     */
    private static final class EntryContent extends FilterInputStream {
        private boolean failed;

        EntryContent(InputStream archive) {
            super(archive);
        }

        boolean failed() {
            return failed;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void close() {
            // the archive is closed by its owner
        }
    }
}
