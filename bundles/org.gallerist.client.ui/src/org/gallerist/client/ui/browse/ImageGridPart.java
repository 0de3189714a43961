package org.gallerist.client.ui.browse;

import java.util.List;

import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.widgets.Composite;
import org.gallerist.api.image.Image;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.browse.BrowseState;
import org.gallerist.client.core.prefs.ViewPreferencesStore;
import org.gallerist.client.ui.grid.ThumbnailGrid;
import org.gallerist.client.ui.jobs.Background;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * What the Gallery and Search parts share: a grid of thumbnails that loads more at its end, whose images open in
 * Details and can be put in the cart, found alike or deleted, below a header the part makes, and the listeners the
 * part stops when it goes.
 */
abstract class ImageGridPart {
    /** The part's layout: the header fills rows of this many cells, and the grid below spans them all. */
    protected static final int COLUMNS = 3;

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

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(COLUMNS).margins(8, 8).spacing(8, 6).applyTo(parent);
        createHeader(parent);
        createGrid(parent);
        start();
    }

    /** Makes the rows above the grid, {@link #COLUMNS} cells each. */
    protected abstract void createHeader(Composite parent);

    /** The lines under an image's thumbnail. */
    protected abstract List<String> captions(Image image);

    /** Runs once the grid is there: follows what the part shows and shows it the first time. */
    protected abstract void start();

    private void createGrid(Composite parent) {
        int thumbnailSize = preferences().get().thumbnailSize();
        grid = Thumbnails.grid(parent, COLUMNS, sessions, context.home(), thumbnailSize, this::captions);
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
