package org.gallerist.api.image;

import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;

/** Failures of the image contract that carry data a program needs, built the same way by every store. */
public final class ImageErrors {

    private ImageErrors() {
    }

    /** The same bytes from the same owner: names the image already there in {@code existing_id}. */
    public static GalleristException duplicate(long existingId) {
        return new GalleristException(ErrorCode.DUPLICATE, "You already uploaded this image as #" + existingId + ".",
                Map.of(GalleristException.EXISTING_ID, existingId));
    }
}
