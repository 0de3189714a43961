package org.gallerist.api.client;

import java.util.List;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Page;
import org.gallerist.api.image.TagCount;

/** The server's image repository as the logged-in user sees it; every call is one request on its own channel. */
public interface ImageRepository {

    Image add(NewImage image, byte[] content);

    Page<Image> list(ImageQuery query);

    Image show(long id);

    byte[] content(long id, ImageSize size);

    Image update(long id, ImageChanges changes);

    /** Deletes each id independently; one result per id, in order. */
    List<DeleteResult> delete(List<Long> ids);

    List<TagCount> tags();

    void renameTag(String from, String to);

    void deleteTag(String tag);
}
