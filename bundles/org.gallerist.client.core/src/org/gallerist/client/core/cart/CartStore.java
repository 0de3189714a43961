package org.gallerist.client.core.cart;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Keeps one owner's cart in a small properties file. Writes replace the file atomically; a file that cannot be
 * read back is moved aside (to {@code *.corrupt}) and the cart starts empty, so a damaged file never stops the
 * client.
 */
public final class CartStore {
    private static final String VERSION = "1";

    private final Path file;

    public CartStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /** What was saved: the lines, and when an unanswered checkout was sent (null if none). */
    public record Saved(List<CartLine> lines, Instant pendingCheckout) {
        public static final Saved EMPTY = new Saved(List.of(), null);

        public Saved {
            lines = List.copyOf(lines);
        }
    }

    public Saved load() {
        if (!Files.isRegularFile(file)) {
            return Saved.EMPTY;
        }
        try {
            return parse(read());
        } catch (IOException | RuntimeException unreadable) {
            setAside();
            return Saved.EMPTY;
        }
    }

    public void save(Saved saved) {
        Properties properties = new Properties();
        properties.setProperty("version", VERSION);
        properties.setProperty("lines", Integer.toString(saved.lines().size()));
        for (int i = 0; i < saved.lines().size(); i++) {
            CartLine line = saved.lines().get(i);
            String prefix = "line." + i + ".";
            properties.setProperty(prefix + "image", Long.toString(line.imageId()));
            properties.setProperty(prefix + "name", line.name());
            properties.setProperty(prefix + "price", line.unitPrice().toPlainString());
            properties.setProperty(prefix + "quantity", Integer.toString(line.quantity()));
            properties.setProperty(prefix + "stock", Integer.toString(line.stock()));
        }
        if (saved.pendingCheckout() != null) {
            properties.setProperty("pendingCheckout", saved.pendingCheckout().toString());
        }
        try {
            Path folder = file.getParent();
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, "cart", ".tmp");
            try {
                try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    properties.store(writer, "Gallerist client: cart");
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the cart to " + file, e);
        }
    }

    private Properties read() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Saved parse(Properties properties) {
        if (!VERSION.equals(properties.getProperty("version"))) {
            throw new IllegalArgumentException("unknown cart file version");
        }
        int count = Integer.parseInt(required(properties, "lines"));
        List<CartLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String prefix = "line." + i + ".";
            lines.add(new CartLine(
                    Long.parseLong(required(properties, prefix + "image")),
                    required(properties, prefix + "name"),
                    new BigDecimal(required(properties, prefix + "price")),
                    Integer.parseInt(required(properties, prefix + "quantity")),
                    Integer.parseInt(required(properties, prefix + "stock"))));
        }
        String pending = properties.getProperty("pendingCheckout");
        return new Saved(lines, pending == null ? null : Instant.parse(pending));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value.strip();
    }

    private void setAside() {
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Could not keep a copy for the user to inspect; the cart still starts empty and overwrites it later.
        }
    }
}
