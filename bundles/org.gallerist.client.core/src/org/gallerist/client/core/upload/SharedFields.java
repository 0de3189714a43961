package org.gallerist.client.core.upload;

import java.util.Objects;

import org.gallerist.api.image.Visibility;

/**
 * What all files of an upload share, exactly as typed: the tags (comma-separated), price, quantity and visibility.
 * Checked only when they become an {@link UploadPlan}.
 */
public record SharedFields(String tags, String price, String quantity, Visibility visibility) {

    /** What a new upload dialog shows: no tags, one copy at 1.00, public. */
    public static final SharedFields DEFAULTS = new SharedFields("", "1.00", "1", Visibility.PUBLIC);

    public SharedFields {
        tags = tags == null ? "" : tags;
        Objects.requireNonNull(visibility, "visibility");
    }
}
