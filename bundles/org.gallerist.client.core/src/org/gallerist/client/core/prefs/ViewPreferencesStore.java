package org.gallerist.client.core.prefs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.gallerist.client.core.ClientHome;

/** Keeps {@link ViewPreferences} in {@code view.properties} in the client folder and tells listeners of changes. */
public final class ViewPreferencesStore {
    private static final String BATCH_SIZE = "batchSize";
    private static final String THUMBNAIL_SIZE = "thumbnailSize";

    private final Path file;
    private final List<Consumer<ViewPreferences>> listeners = new CopyOnWriteArrayList<>();
    private ViewPreferences current;

    public ViewPreferencesStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        this.current = load();
    }

    public static ViewPreferencesStore in(ClientHome home) {
        return new ViewPreferencesStore(home.folder().resolve("view.properties"));
    }

    public synchronized ViewPreferences get() {
        return current;
    }

    /** Values missing, malformed or out of range fall back to the defaults one by one. */
    private ViewPreferences load() {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                return ViewPreferences.DEFAULTS;
            }
        }
        int batch = ViewPreferences.parse(properties.getProperty(BATCH_SIZE))
                .stream().filter(n -> ViewPreferences.checkBatchSize(n).isEmpty()).findFirst()
                .orElse(ViewPreferences.DEFAULTS.batchSize());
        int thumbnail = ViewPreferences.parse(properties.getProperty(THUMBNAIL_SIZE))
                .stream().filter(n -> ViewPreferences.checkThumbnailSize(n).isEmpty()).findFirst()
                .orElse(ViewPreferences.DEFAULTS.thumbnailSize());
        return new ViewPreferences(batch, thumbnail);
    }

    public void save(ViewPreferences preferences) {
        Properties properties = new Properties();
        properties.setProperty(BATCH_SIZE, Integer.toString(preferences.batchSize()));
        properties.setProperty(THUMBNAIL_SIZE, Integer.toString(preferences.thumbnailSize()));
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, "view", ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(writer, "Gallerist client: how images are shown");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the preferences to " + file, e);
        }
        synchronized (this) {
            current = preferences;
        }
        listeners.forEach(listener -> listener.accept(preferences));
    }

    /** @return a handle that removes the listener again */
    public Runnable addListener(Consumer<ViewPreferences> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
