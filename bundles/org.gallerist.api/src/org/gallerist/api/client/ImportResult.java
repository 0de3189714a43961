package org.gallerist.api.client;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.image.Image;

/** What happened to one file of a bulk import: the new image, or the error that kept it out. */
public record ImportResult(String file, Image image, ErrorCode error, String message) {

    public boolean imported() {
        return image != null;
    }
}
