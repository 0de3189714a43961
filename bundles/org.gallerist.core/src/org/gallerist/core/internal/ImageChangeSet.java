package org.gallerist.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.rules.ImageRules;

/**
 * One update request for one or several images, checked before anything is stored: the ids ({@link IdRefusals}),
 * the changes by the image rules, and, per image, the tags it ends with when tags are added or removed.
 */
final class ImageChangeSet {

    private final ImageChanges normalized;
    private final Map<Long, ImageChanges> perImage = new LinkedHashMap<>();
    private final IdRefusals refusals;

    ImageChangeSet(List<Long> ids, ImageChanges changes) {
        this.refusals = new IdRefusals(ids, "changed");
        if (changes.isEmpty()) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT, "Nothing to change: give at least one field.");
        }
        if (changes.tags() != null && (changes.addTags() != null || changes.removeTags() != null)) {
            throw new GalleristException(ErrorCode.INVALID_ARGUMENT,
                    "Give the whole set of tags or tags to add and remove, not both.");
        }
        this.normalized = new ImageChanges(
                changes.name() == null ? null : ImageRules.name(changes.name()),
                changes.description() == null ? null : ImageRules.description(changes.description()),
                changes.tags() == null ? null : ImageRules.tags(changes.tags()),
                changes.price() == null ? null : ImageRules.price(changes.price()),
                changes.quantity() == null ? null : ImageRules.quantity(changes.quantity()),
                changes.visibility(), changes.shareCamera(), changes.freeDownload(),
                changes.addTags() == null ? null : ImageRules.tags(changes.addTags()),
                changes.removeTags() == null ? null : ImageRules.tags(changes.removeTags()));
    }

    /** What to store for this image, as it is now: tags added or removed become its whole new set. */
    void accept(Image current) {
        if (normalized.addTags() == null && normalized.removeTags() == null) {
            perImage.put(current.id(), normalized);
            return;
        }
        Set<String> tags = new LinkedHashSet<>(current.tags());
        if (normalized.addTags() != null) {
            tags.addAll(normalized.addTags());
        }
        if (normalized.removeTags() != null) {
            tags.removeAll(normalized.removeTags());
        }
        try {
            List<String> fitting = ImageRules.tags(new ArrayList<>(tags));
            perImage.put(current.id(), new ImageChanges(normalized.name(), normalized.description(), fitting,
                    normalized.price(), normalized.quantity(), normalized.visibility(), normalized.shareCamera(),
                    normalized.freeDownload()));
        } catch (GalleristException e) {
            refuse(current.id(), e);
        }
    }

    void refuse(long id, GalleristException reason) {
        refusals.refuse(id, reason);
    }

    /**
     * The changes per image, in the request's order.
     *
     * @throws GalleristException if any id was refused ({@link IdRefusals#throwIfAny()})
     */
    Map<Long, ImageChanges> toApply() {
        refusals.throwIfAny();
        return perImage;
    }
}
