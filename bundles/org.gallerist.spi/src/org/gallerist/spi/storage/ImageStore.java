package org.gallerist.spi.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.TagCount;

/**
 * Persistence of image metadata and tags, implemented by a storage bundle; each method is one transaction. Rules
 * (validation, visibility, ownership) are the caller's; this only stores and queries.
 */
public interface ImageStore {

    /**
     * Inserts the row; the {@code id} and {@code created} of the given image are ignored and assigned here.
     *
     * @throws org.gallerist.api.GalleristException {@code duplicate} if the owner already has these bytes
     */
    ImageRecord insert(ImageRecord record);

    Optional<ImageRecord> find(long id);

    /** The owner's image with these bytes, if any. */
    Optional<Long> findByContent(String owner, String sha256);

    /** An image of a listing, and its rank there ({@link ImageFilter#afterRank()}). */
    record Listed(Image image, int rank) {
    }

    /**
     * A page in the filter's order: by rank (0, images whose name, description or tags match every word; then 1,
     * images that match only with the image model's labels), then newest first. More than {@code filter.limit()} is
     * never returned: callers ask for limit + 1 to detect more.
     */
    List<Listed> ranked(ImageFilter filter);

    /** {@link #ranked} without the ranks. */
    default List<Image> list(ImageFilter filter) {
        return ranked(filter).stream().map(Listed::image).toList();
    }

    /** Applies already validated and normalised changes. */
    Image update(long id, ImageChanges changes);

    /**
     * Applies each image's validated and normalised changes (tags given in full), all in one transaction: if one
     * fails (e.g. the image was deleted meanwhile), none is applied. This default is not atomic; stores override it.
     *
     * @return the changed images, in the map's order
     */
    default List<Image> update(Map<Long, ImageChanges> changes) {
        return changes.entrySet().stream().map(change -> update(change.getKey(), change.getValue())).toList();
    }

    /**
     * Deletes the row.
     *
     * @return the content keys that no row refers to any more, which the caller may remove from the blob store
     */
    List<String> delete(long id);

    /**
     * Deletes the rows in one transaction: if one cannot be deleted (gone meanwhile), none is. This default is not
     * atomic; stores override it.
     *
     * @return the content keys that no row refers to any more
     */
    default List<String> delete(List<Long> ids) {
        return ids.stream().flatMap(id -> delete(id).stream()).distinct().toList();
    }

    /** Tag counts over what the viewer can see. */
    List<TagCount> tags(String viewer, boolean viewerIsAdmin);

    /** @return the number of images changed */
    int renameTag(String from, String to);

    int deleteTag(String tag);

    /** How many images and distinct tags are stored, for the operator's statistics. */
    record Counts(long images, long tags) {
    }

    Counts counts();

    /** How many images one owner has and the sum of their original files' sizes, for per-user quotas. */
    record Usage(long images, long bytes) {
    }

    /** The owner's usage; zero for a user without images (or without an account). */
    Usage usage(String owner);

    /** Every content key some row refers to, for the start-up sweep. */
    java.util.Set<String> referencedKeys();
}
