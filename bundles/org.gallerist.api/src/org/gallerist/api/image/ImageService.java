package org.gallerist.api.image;

import java.io.InputStream;
import java.util.List;

import org.gallerist.api.GalleristException;
import org.gallerist.api.User;

/**
 * The image repository with its rules applied: validation, visibility and ownership. Every method acts on behalf
 * of {@code caller}; what the caller may not see is {@code not_found}, what they may see but not change is
 * {@code forbidden}. Failures are {@link GalleristException}s and leave nothing half written.
 */
public interface ImageService {

    /** Stores an image; the content is sniffed, never trusted from a file name. */
    Upload upload(User caller, NewImage image, InputStream content);

    /** {@link #upload} without what the server noticed. */
    default Image add(User caller, NewImage image, InputStream content) {
        return upload(caller, image, content).image();
    }

    Page<Image> list(User caller, ImageQuery query);

    Image show(User caller, long id);

    /** {@link #show} with what the image model saw in the image. */
    ImageDetails details(User caller, long id);

    /** The bytes of a rendition; the caller closes the stream. */
    InputStream content(User caller, long id, ImageSize size);

    Image update(User caller, long id, ImageChanges changes);

    /**
     * The same changes to several images the caller may change, in one transaction: all of them or none.
     *
     * @param ids at most {@link #MAX_IDS_PER_REQUEST}, each once
     * @return the images as changed, in the order of {@code ids}
     * @throws org.gallerist.api.GalleristException if any id is refused (not found, not the caller's, or the change
     *         does not fit it, e.g. too many tags): the first refusal's code, with {@code errors} in the details, one
     *         {@code {id, error, message}} per refused id; nothing changes
     */
    List<Image> update(User caller, List<Long> ids, ImageChanges changes);

    /** How many images one bulk request may name. */
    int MAX_IDS_PER_REQUEST = 1000;

    void delete(User caller, long id);

    /**
     * Deletes several images the caller may delete, in one transaction: all of them or none.
     *
     * @param ids at most {@link #MAX_IDS_PER_REQUEST}, each once
     * @throws org.gallerist.api.GalleristException if any id is refused, as {@link #update(User, List, ImageChanges)}
     *         says; nothing is deleted
     */
    void delete(User caller, List<Long> ids);

    List<TagCount> tags(User caller);

    /** Admins only. */
    void renameTag(User caller, String from, String to);

    /** Admins only; removes the tag from every image. */
    void deleteTag(User caller, String tag);
}
