package org.gallerist.client.ui.extension;

import java.util.List;

import org.gallerist.api.image.Image;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something a plugin does with the images selected in a grid (Gallery, Search): registered as an OSGi service, it
 * appears in the grids' context menu, after the client's own items, ordered by {@code service.ranking} (highest
 * first) and then by label. A plugin that goes away takes its item with it.
 * <p>
 * {@link #run} is called on the display thread: it may open dialogs, and hands network or file work to
 * {@link ImageActionContext#inBackground}.
 */
@ConsumerType
public interface ImageAction {

    /** The menu text; an {@code &} marks the mnemonic. */
    String label();

    /** Whether the item is enabled for this selection (never empty); by default it always is. */
    default boolean appliesTo(List<Image> selection) {
        return true;
    }

    void run(ImageActionContext context);
}
