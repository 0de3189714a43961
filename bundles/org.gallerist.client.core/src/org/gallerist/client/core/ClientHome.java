package org.gallerist.client.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Properties;

/**
 * The folder where the desktop client keeps its own files: {@code known_hosts} and the last-used connection
 * settings. Defaults to {@code ~/.gallerist/client}; the system property {@value #PROPERTY} overrides it.
 */
public record ClientHome(Path folder) {
    public static final String PROPERTY = "gallerist.client.home";

    public ClientHome {
        Objects.requireNonNull(folder, "folder");
        folder = folder.toAbsolutePath().normalize();
    }

    public static ClientHome fromSystemProperties() {
        return from(System.getProperties());
    }

    static ClientHome from(Properties properties) {
        String override = properties.getProperty(PROPERTY, "").strip();
        if (!override.isEmpty()) {
            return new ClientHome(Path.of(override));
        }
        return new ClientHome(Path.of(properties.getProperty("user.home"), ".gallerist", "client"));
    }

    /** Server host keys the user has trusted, in OpenSSH format. */
    public Path knownHosts() {
        return folder.resolve("known_hosts");
    }

    /** The user's own client plugins: bundle jars installed at every start (see docs/extending.md). */
    public Path plugins() {
        return folder.resolve("plugins");
    }

    public Path connectionSettings() {
        return folder.resolve("connection.properties");
    }

    /** Creates the folder if needed, readable by the owner only where the file system allows it. */
    public ClientHome ensureExists() {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the client folder " + folder, e);
        }
    }
}
