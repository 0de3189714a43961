package org.gallerist.client.core.details;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.PhotoFacts;

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

    /**
     * "Taken 2024-05-01 06:12 · Fujifilm X-T5 · XF35mmF1.4 R · 1/250 s · f/2.8 · 35 mm · ISO 400", with what the file
     * says; "" when it says nothing (or the caller may not know).
     */
    public static String camera(PhotoFacts photo) {
        List<String> parts = new ArrayList<>();
        if (photo.captured() != null) {
            String when = photo.captured().length() >= 16 ? photo.captured().substring(0, 16) : photo.captured();
            parts.add("Taken " + when.replace('T', ' '));
        }
        String make = photo.cameraMake();
        String model = photo.cameraModel();
        // "Canon" / "Canon EOS R5", "NIKON CORPORATION" / "NIKON Z 6_2": the model says the brand already
        boolean modelNamesMake = make != null && model != null && model.toLowerCase(Locale.ROOT)
                .startsWith(make.strip().split("\\s+")[0].toLowerCase(Locale.ROOT));
        if (make != null && model != null && !modelNamesMake) {
            parts.add(make + " " + model);
        } else if (model != null || make != null) {
            parts.add(model != null ? model : make);
        }
        for (String part : new String[] {photo.lens(), photo.exposure(), photo.aperture(), photo.focalLength()}) {
            if (part != null) {
                parts.add(part);
            }
        }
        if (photo.iso() != null) {
            parts.add("ISO " + photo.iso());
        }
        return String.join(" \u00b7 ", parts);
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
