package org.gallerist.client.core.details;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.gallerist.api.image.Image;

/** The read-only facts about an image, as short lines for people. */
public final class ImageFacts {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ImageFacts() {
    }

    /** "640 × 427 px, JPEG, 83 KB". */
    public static String dimensions(Image image) {
        return image.width() + " \u00d7 " + image.height() + " px, " + image.format().toUpperCase(Locale.ROOT) + ", "
                + size(image.bytes());
    }

    /** "#12 by alice, added 2026-11-29 04:50". */
    public static String origin(Image image, ZoneId zone) {
        return "#" + image.id() + " by " + image.owner() + ", added " + DATE.format(image.created().atZone(zone));
    }

    /** "12.50 · 3 in stock" (or "sold out"). */
    public static String priceAndStock(Image image) {
        return image.price().toPlainString() + " \u00b7 " + stock(image.quantity());
    }

    public static String stock(int quantity) {
        return quantity == 0 ? "sold out" : quantity + " in stock";
    }

    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
