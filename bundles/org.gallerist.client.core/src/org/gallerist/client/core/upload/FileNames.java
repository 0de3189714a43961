package org.gallerist.client.core.upload;

import java.nio.file.Path;

import org.gallerist.rules.ImageRules;

/** Image names made from file names: "motorcycle_left-2.png" becomes "Motorcycle left 2". */
public final class FileNames {
    private FileNames() {
    }

    public static String defaultName(Path file) {
        String base = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        String cleaned = base.replaceAll("[_\\-.+]+", " ").replaceAll("\\p{Cntrl}", "").replaceAll("\\s+", " ")
                .strip();
        if (cleaned.isEmpty()) {
            return "Untitled";
        }
        cleaned = Character.toUpperCase(cleaned.charAt(0)) + cleaned.substring(1);
        return cleaned.length() > ImageRules.MAX_NAME ? cleaned.substring(0, ImageRules.MAX_NAME).strip() : cleaned;
    }
}
