package org.gallerist.core.internal;

import java.util.List;
import java.util.Set;

import org.gallerist.api.User;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.Visibility;

/** Who may see an indexed image and its tags: what a search filters on without touching the database. */
record ImageAccess(String owner, boolean isPublic, Set<String> tags) {

    static ImageAccess of(Image image) {
        return new ImageAccess(image.owner(), image.visibility() == Visibility.PUBLIC, Set.copyOf(image.tags()));
    }

    static ImageAccess of(String owner, boolean isPublic, List<String> tags) {
        return new ImageAccess(owner, isPublic, Set.copyOf(tags));
    }

    boolean visibleTo(User caller) {
        return isPublic || caller.isAdmin() || owner.equals(caller.name());
    }

    boolean hasAll(List<String> wanted) {
        return tags.containsAll(wanted);
    }

    ImageAccess renameTag(String from, String to) {
        if (!tags.contains(from)) {
            return this;
        }
        java.util.Set<String> renamed = new java.util.HashSet<>(tags);
        renamed.remove(from);
        renamed.add(to);
        return new ImageAccess(owner, isPublic, Set.copyOf(renamed));
    }

    ImageAccess withoutTag(String tag) {
        if (!tags.contains(tag)) {
            return this;
        }
        java.util.Set<String> rest = new java.util.HashSet<>(tags);
        rest.remove(tag);
        return new ImageAccess(owner, isPublic, Set.copyOf(rest));
    }
}
