package org.gallerist.client.core.thumbs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

import org.gallerist.api.client.ServerAddress;
import org.gallerist.api.image.Image;
import org.gallerist.client.core.ClientHome;

/**
 * Thumbnails kept on disk, one folder per server, one file per image id and content hash: an image whose bytes
 * changed gets a new file, so nothing stale is ever shown. Failures to read or write only mean fetching again.
 */
public final class ThumbnailCache {
    private final Path folder;

    public ThumbnailCache(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** {@code <client home>/thumbnails/<host>_<port>}. */
    public static ThumbnailCache forServer(ClientHome home, ServerAddress server) {
        String host = server.host().replaceAll("[^A-Za-z0-9.-]", "_");
        return new ThumbnailCache(home.folder().resolve("thumbnails").resolve(host + "_" + server.port()));
    }

    public Path folder() {
        return folder;
    }

    public Path file(Image image) {
        return folder.resolve(image.id() + "-" + image.sha256().replaceAll("[^0-9a-fA-F]", "") + ".jpg");
    }

    public Optional<byte[]> read(Image image) {
        Path file = file(image);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
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
            Files.move(temp, file(image), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a cache that cannot write only costs a download next time
        }
    }
}
