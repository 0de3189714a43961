package org.gallerist.client.ui.browse;

import java.util.List;
import java.util.function.Function;

import org.eclipse.swt.widgets.Composite;
import org.gallerist.api.image.Image;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.browse.BrowseState;
import org.gallerist.client.core.prefs.ViewPreferencesStore;
import org.gallerist.client.ui.grid.ThumbnailGrid;
import org.gallerist.client.ui.jobs.Background;

import jakarta.annotation.PreDestroy;

/**
 * What the Gallery and Search parts share: a grid of thumbnails that loads more at its end, whose images open in
 * Details and can be put in the cart, found alike or deleted, and the listeners the part stops when it goes.
 */
abstract class ImageGridPart {
    protected final SessionModel sessions;
    protected final BrowseState browse;
    protected final PartServices workbench;
    protected final Subscriptions subscriptions = new Subscriptions();
    private final GridPartContext context;
    protected ThumbnailGrid grid;
    protected Background background;

    protected ImageGridPart(GridPartContext context) {
        this.context = context;
        this.sessions = context.sessions();
        this.browse = context.browse();
        this.workbench = context.workbench();
    }

    /** Makes the grid, spanning {@code columns} of {@code parent}'s grid layout, below what the part put there. */
    protected void createGrid(Composite parent, int columns, Function<Image, List<String>> captions) {
        int thumbnailSize = preferences().get().thumbnailSize();
        grid = Thumbnails.grid(parent, columns, sessions, context.home(), thumbnailSize, captions);
        background = new Background(sessions, grid);
        workbench.imageActions(grid, sessions, browse).attachTo(grid, image -> workbench.openDetails(browse, image),
                this::showError);
        grid.onReachedEnd(this::loadMore);
    }

    /** Asks for the next batch of what the grid shows, if there is one. */
    protected abstract void loadMore();

    /** Tells the user what failed, e.g. deleting an image. */
    protected abstract void showError(String message);

    @PreDestroy
    public void dispose() {
        subscriptions.stopAll();
    }

    protected ViewPreferencesStore preferences() {
        return context.preferences();
    }

    public ThumbnailGrid grid() {
        return grid;
    }
}
