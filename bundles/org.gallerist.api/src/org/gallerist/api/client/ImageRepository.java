package org.gallerist.api.client;

import java.nio.file.Path;
import java.util.List;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageDetails;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.ImportDefaults;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Page;
import org.gallerist.api.image.TagCount;
import org.gallerist.api.image.Upload;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.api.similarity.SimilarityService;

/** The server's image repository as the logged-in user sees it; every call is one request on its own channel. */
public interface ImageRepository {

    /**
     * Uploads one image; the answer says what the server noticed (near duplicates, suggested tags). If the
     * connection is lost while it runs, the upload is sent once more, and a {@code duplicate} answer to that second
     * try is taken as the first one having landed: the image already there is returned (without what the server
     * noticed, which was in the lost answer). So if the same bytes had been uploaded before, that earlier image is
     * returned instead of the error a first try gets; either way the repository holds one copy.
     */
    Upload upload(NewImage image, byte[] content);

    default Image add(NewImage image, byte[] content) {
        return upload(image, content).image();
    }

    /** Images like {@code query} (image bytes) that the user may see, best first; {@code tags} all must match. */
    List<SimilarImage> similar(byte[] query, int limit, List<String> tags);

    /** Images like a stored one, which is left out. */
    List<SimilarImage> similarTo(long id, int limit, List<String> tags);

    /** Which embedder the server uses for {@link #similar}, and how far its index is. */
    SimilarityService.Status similarityStatus();

    /**
     * Imports every file of a tar archive, streamed from disk; one result per file, in archive order. A bad file never
     * stops the others. Not retried after a lost connection: the files imported before the drop are kept.
     */
    List<ImportResult> importTar(ImportDefaults defaults, Path tar);

    Page<Image> list(ImageQuery query);

    Image show(long id);

    /** {@link #show} with what the server's image model saw in the image. */
    ImageDetails details(long id);

    byte[] content(long id, ImageSize size);

    Image update(long id, ImageChanges changes);

    /**
     * The same changes to several of your images in one request and one transaction, all or none; at most
     * {@link org.gallerist.api.image.ImageService#MAX_IDS_PER_REQUEST}.
     *
     * @return the images as changed, in the order of {@code ids}
     * @throws org.gallerist.api.GalleristException if any id is refused: nothing changed, and its details list each
     *         refused id under {@code errors}
     */
    List<Image> update(List<Long> ids, ImageChanges changes);

    /**
     * Deletes each id independently; one result per id, in order. If the connection is lost while it runs, it is
     * sent once more, and an id the second try no longer finds counts as deleted.
     */
    List<DeleteResult> delete(List<Long> ids);

    List<TagCount> tags();

    void renameTag(String from, String to);

    void deleteTag(String tag);
}
