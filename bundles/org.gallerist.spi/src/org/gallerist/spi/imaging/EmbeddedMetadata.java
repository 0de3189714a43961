package org.gallerist.spi.imaging;

import java.util.List;

import org.gallerist.api.image.PhotoFacts;

/**
 * What a file says about itself, read on upload: the words an editor (Lightroom, digiKam, exiftool ...) wrote into its
 * XMP or IPTC, which become the image's name, description and tags where the upload gives none, and the camera's EXIF
 * facts. Texts are as the file has them (not yet checked against the image rules); {@code null} or empty when absent.
 *
 * @param title       XMP {@code dc:title}, else IPTC ObjectName
 * @param description XMP {@code dc:description}, else IPTC Caption/Abstract, else EXIF ImageDescription
 * @param keywords    XMP {@code dc:subject}, else IPTC Keywords
 */
public record EmbeddedMetadata(String title, String description, List<String> keywords, PhotoFacts photo) {

    public static final EmbeddedMetadata NONE = new EmbeddedMetadata(null, null, List.of(), PhotoFacts.NONE);

    public EmbeddedMetadata {
        title = title == null || title.isBlank() ? null : title.strip();
        description = description == null || description.isBlank() ? null : description.strip();
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        photo = photo == null ? PhotoFacts.NONE : photo;
    }
}
