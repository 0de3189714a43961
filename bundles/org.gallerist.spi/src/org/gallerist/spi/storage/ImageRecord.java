package org.gallerist.spi.storage;

import org.gallerist.api.image.Image;

/**
 * An image row as storage keeps it: the public metadata plus the content keys of its files.
 *
 * @param originalKey content key (sha-256 hex) of the uploaded bytes in the {@link BlobStore}
 * @param thumbKey    content key of the 256 px JPEG thumbnail
 * @param previewKey  content key of the 1024 px JPEG preview
 */
public record ImageRecord(Image image, String originalKey, String thumbKey, String previewKey) {
}
