package org.gallerist.client.core.bulk;

import java.util.List;

import org.gallerist.api.User;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.client.core.details.ImageEdit;

/**
 * Images chosen together, split into those the user may change and those of others, which are skipped. The grid's
 * Delete key and the bulk edit dialog both send their requests through here, so both ask the same and report alike.
 */
public record BulkSelection(List<Image> mine, List<Image> others) {

    public BulkSelection {
        mine = List.copyOf(mine);
        others = List.copyOf(others);
    }

    public static BulkSelection of(User user, List<Image> selected) {
        return new BulkSelection(selected.stream().filter(image -> ImageEdit.canEdit(user, image)).toList(),
                selected.stream().filter(image -> !ImageEdit.canEdit(user, image)).toList());
    }

    public List<Long> ids() {
        return mine.stream().map(Image::id).toList();
    }

    /** The confirmation asked before deleting. */
    public String deleteQuestion() {
        String question = "Delete " + count(mine.size())
                + " from the server? This cannot be undone. Images in carts can no longer be bought.";
        return others.isEmpty() ? question : question + "\n\nNot yours, so left alone: " + count(others.size()) + ".";
    }

    public String deleteJobName() {
        return "Deleting " + count(mine.size());
    }

    public String updateJobName() {
        return "Updating " + count(mine.size());
    }

    /** Deletes the user's images in one request; to be run in a job. */
    public BulkResult delete(GalleristSession session) {
        return BulkResult.deleted(mine, session.images().delete(ids()), others);
    }

    /** Applies the changes to the user's images in one request; to be run in a job. */
    public BulkResult update(GalleristSession session, ImageChanges changes) {
        return BulkResult.updated(mine, session.images().update(ids(), changes), others);
    }

    /** What a refused or failed request did to each image: nothing. */
    public BulkResult refused(Throwable failure) {
        return BulkResult.refused(mine, failure, others);
    }

    /** "1 image", "2 images". */
    public static String count(int images) {
        return images + (images == 1 ? " image" : " images");
    }
}
