package org.gallerist.client.core.details;

import java.util.Locale;
import java.util.Map;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageDetails;
import org.gallerist.api.image.ImageSize;

/**
 * What the Details part offers to save of an image: the original where the server says the caller may have it (its
 * owner, an admin, a buyer, or anyone for a free download), else the preview.
 *
 * @param label the button's text, with its mnemonic
 */
public record DownloadChoice(ImageSize size, String label) {

    /** Until the server has said: the preview, which everyone who sees the image may save. */
    public static final DownloadChoice PREVIEW = new DownloadChoice(ImageSize.PREVIEW, "Save pre&view\u2026");
    public static final DownloadChoice ORIGINAL = new DownloadChoice(ImageSize.ORIGINAL, "Download &original\u2026");

    private static final int MAX_BASE_NAME = 100;
    private static final Map<String, String> EXTENSIONS = Map.of("jpeg", "jpg", "tiff", "tif");

    /** @param details what {@code images show} answered; null before it has */
    public static DownloadChoice of(ImageDetails details) {
        return details != null && details.originalAllowed() ? ORIGINAL : PREVIEW;
    }

    /** A file name for the saved image: its name made safe for a file system, and the extension of what is saved. */
    public String fileName(Image image) {
        String base = image.name().replaceAll("[^\\p{L}\\p{N} ._-]+", "_").replaceAll("^[ ._]+|[ ._]+$", "");
        if (base.length() > MAX_BASE_NAME) {
            base = base.substring(0, MAX_BASE_NAME).strip();
        }
        if (base.isEmpty()) {
            base = "image-" + image.id();
        }
        String format = image.format().toLowerCase(Locale.ROOT);
        String extension = size == ImageSize.ORIGINAL ? EXTENSIONS.getOrDefault(format, format) : "jpg";
        return base + "." + extension;
    }
}
