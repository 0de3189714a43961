package org.gallerist.spi.storage;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.PhotoFacts;

/**
 * An image row as storage keeps it: the public metadata plus the content keys of its files and the camera's facts.
 *
 * @param originalKey  content key (sha-256 hex) of the uploaded bytes in the {@link BlobStore}
 * @param thumbKey     content key of the 256 px JPEG thumbnail
 * @param previewKey   content key of the 1024 px JPEG preview
 * @param photo        what the camera wrote into the file ({@link PhotoFacts#NONE} when nothing)
 * @param cameraShared whether the owner lets others see {@code photo}
 * @param freeDownload whether everyone who sees it may download the original, bought or not
 */
public record ImageRecord(Image image, String originalKey, String thumbKey, String previewKey, PhotoFacts photo,
        boolean cameraShared, boolean freeDownload) {

    public ImageRecord {
        photo = photo == null ? PhotoFacts.NONE : photo;
    }

    /** With the original for buyers only. */
    public ImageRecord(Image image, String originalKey, String thumbKey, String previewKey, PhotoFacts photo,
            boolean cameraShared) {
        this(image, originalKey, thumbKey, previewKey, photo, cameraShared, false);
    }

    /** Without camera facts. */
    public ImageRecord(Image image, String originalKey, String thumbKey, String previewKey) {
        this(image, originalKey, thumbKey, previewKey, PhotoFacts.NONE, false);
    }
}
