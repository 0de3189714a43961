package org.gallerist.client.core;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/** Reads and writes the last-used {@link ConnectionSettings} as a small properties file. */
public final class ConnectionSettingsStore {
    private static final String HOST = "host";
    private static final String PORT = "port";
    private static final String USER = "user";
    private static final String METHOD = "login";
    private static final String KEY_FILE = "keyFile";

    private final Path file;

    public ConnectionSettingsStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    /** The saved settings; the defaults for whatever is missing, unreadable or malformed. */
    public ConnectionSettings load() {
        ConnectionSettings defaults = ConnectionSettings.DEFAULTS;
        if (!Files.isRegularFile(file)) {
            return defaults;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return defaults;
        }
        return new ConnectionSettings(
                properties.getProperty(HOST, defaults.host()).strip(),
                parsePort(properties.getProperty(PORT), defaults.port()),
                properties.getProperty(USER, defaults.user()).strip(),
                parseMethod(properties.getProperty(METHOD)),
                properties.getProperty(KEY_FILE, "").strip());
    }

    /** Replaces the file atomically so a crash never leaves half a file behind. */
    public void save(ConnectionSettings settings) {
        Properties properties = new Properties();
        properties.setProperty(HOST, settings.host());
        properties.setProperty(PORT, Integer.toString(settings.port()));
        properties.setProperty(USER, settings.user());
        if (settings.method() != LoginMethod.PASSWORD) { // absent means by password, as in files before keys
            properties.setProperty(METHOD, settings.method().name().toLowerCase(Locale.ROOT));
        }
        if (!settings.keyFile().isBlank()) {
            properties.setProperty(KEY_FILE, settings.keyFile());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "connection", ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(writer, "Gallerist client: last used connection");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the connection settings to " + file, e);
        }
    }

    /** Files written before logins by key (or edited by hand) log in by password. */
    private static LoginMethod parseMethod(String text) {
        for (LoginMethod method : LoginMethod.values()) {
            if (method.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return method;
            }
        }
        return LoginMethod.PASSWORD;
    }

    private static int parsePort(String text, int fallback) {
        return FormValidation.parsePort(text).orElse(fallback);
    }
}
