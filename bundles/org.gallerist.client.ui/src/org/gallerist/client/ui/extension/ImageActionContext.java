package org.gallerist.client.ui.extension;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.swt.widgets.Shell;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.osgi.annotation.versioning.ProviderType;

/** What an {@link ImageAction} gets to work with; the client implements it. */
@ProviderType
public interface ImageActionContext {

    /** The selected images, in the grid's order; at least one. */
    List<Image> selection();

    /** The window the action was chosen in, as the parent of any dialog it opens. */
    Shell shell();

    /**
     * Runs {@code work} as a job with the logged-in session (never on the display thread), then {@code done} with its
     * result on the display thread. A failure is shown to the user as the client shows its own.
     */
    <T> void inBackground(String jobName, Function<GalleristSession, T> work, Consumer<T> done);

    /** Shows a message where the grid shows its own errors. */
    void showError(String message);
}
