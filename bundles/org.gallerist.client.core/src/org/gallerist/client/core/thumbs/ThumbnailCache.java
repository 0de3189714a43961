package org.gallerist.client.core.thumbs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gallerist.api.client.ServerAddress;
import org.gallerist.api.image.Image;
import org.gallerist.client.core.ClientHome;

/**
 * Thumbnails kept on disk, one folder per server, one file per image id and content hash: an image whose bytes
 * changed gets a new file, so nothing stale is ever shown. The folder is bounded: a read marks a file as used (its
 * modification time), and a write that takes the folder over {@code maxBytes} removes the least recently used files
 * until it is at {@value #TRIM_PERCENT}% of it. Failures to read or write only mean fetching again. Safe for
 * several threads; one instance per folder keeps the count.
 */
public final class ThumbnailCache {

    /** About 10,000 thumbnails of 256 px. */
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;
    private static final int TRIM_PERCENT = 90;
    private static final String SUFFIX = ".jpg";

    private final Path folder;
    private final long maxBytes;
    private long bytes = -1; // unknown until the folder is first counted

    public ThumbnailCache(Path folder, long maxBytes) {
        this.folder = Objects.requireNonNull(folder, "folder");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("The cache needs room: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** {@code <client home>/thumbnails/<host>_<port>}, bounded by {@link #DEFAULT_MAX_BYTES}. */
    public static ThumbnailCache forServer(ClientHome home, ServerAddress server) {
        return new ThumbnailCache(folderFor(home, server), DEFAULT_MAX_BYTES);
    }

    static Path folderFor(ClientHome home, ServerAddress server) {
        String host = server.host().replaceAll("[^A-Za-z0-9.-]", "_");
        return home.folder().resolve("thumbnails").resolve(host + "_" + server.port());
    }

    public Path folder() {
        return folder;
    }

    public Path file(Image image) {
        return folder.resolve(image.id() + "-" + image.sha256().replaceAll("[^0-9a-fA-F]", "") + SUFFIX);
    }

    public Optional<byte[]> read(Image image) {
        Path file = file(image);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            byte[] thumbnail = Files.readAllBytes(file);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now())); // used: the last to go
            return Optional.of(thumbnail);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes through a temporary file so that a crash never leaves half a thumbnail under the real name. */
    public void write(Image image, byte[] thumbnail) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, "thumb", ".tmp");
            Files.write(temp, thumbnail);
            Path target = file(image);
            long replaced = Files.isRegularFile(target) ? Files.size(target) : 0;
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            added(thumbnail.length - replaced);
        } catch (IOException e) {
            // a cache that cannot write only costs a download next time
        }
    }

    /** The bytes the cached thumbnails take, as this instance counts them. */
    public synchronized long size() throws IOException {
        if (bytes < 0) {
            bytes = entries().stream().mapToLong(Entry::size).sum();
        }
        return bytes;
    }

    private synchronized void added(long delta) throws IOException {
        if (bytes < 0) {
            size(); // counts the new file too
        } else {
            bytes += delta;
        }
        if (bytes > maxBytes) {
            trim();
        }
    }

    /** Counts the folder again first: another instance (another grid) may have written to it too. */
    private void trim() throws IOException {
        List<Entry> oldestFirst = entries();
        bytes = oldestFirst.stream().mapToLong(Entry::size).sum();
        oldestFirst.sort(Comparator.comparing(Entry::used));
        long goal = maxBytes / 100 * TRIM_PERCENT;
        for (Entry entry : oldestFirst) {
            if (bytes <= goal) {
                break;
            }
            if (Files.deleteIfExists(entry.file())) {
                bytes -= entry.size();
            }
        }
    }

    private record Entry(Path file, long size, FileTime used) {
    }

    private List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (attributes.isRegularFile()) {
                    entries.add(new Entry(file, attributes.size(), attributes.lastModifiedTime()));
                }
            }
        }
        return entries;
    }
}
