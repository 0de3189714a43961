package org.gallerist.client.ui.extension;

import java.util.Optional;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Composite;
import org.gallerist.api.image.Image;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A section a plugin adds to the Details part, below the client's own, titled and ordered by {@code service.ranking}
 * (highest first). Registered as an OSGi service; each Details part asks it for one {@link View} and tells that view
 * which image it shows. A plugin that goes away takes its section with it.
 */
@ConsumerType
public interface DetailsSection {

    /** The section's heading. */
    String title();

    /** Makes the section's controls in {@code parent} (an empty composite with no layout set). */
    View create(Composite parent);

    /** One Details part's copy of the section; every call is on the display thread. */
    interface View {
        /**
         * The image now shown, or empty for none; {@code preview} is its preview (at most 1024 px) once loaded, and
         * empty until then; it is called again when the preview arrives.
         */
        void show(Optional<Image> image, Optional<ImageData> preview);

        /** The part closes or the plugin goes; the controls are disposed right after. */
        default void dispose() {
        }
    }
}
