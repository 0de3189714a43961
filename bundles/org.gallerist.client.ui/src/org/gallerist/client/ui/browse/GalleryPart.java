package org.gallerist.client.ui.browse;

import java.io.File;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.gallerist.api.image.Image;
import org.gallerist.client.core.ClientCommands;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.gallery.ImagePager;
import org.gallerist.client.core.tags.TagFilter;
import org.gallerist.client.ui.widgets.Widgets;

import jakarta.inject.Inject;

/**
 * Every image the user may see, or those with the tags chosen in the Tags part, one batch at a time: the next batch
 * loads when the user presses "Load more" or scrolls to the end.
 */
public class GalleryPart extends ImageGridPart {
    public static final String ID = "org.gallerist.client.ui.part.gallery";

    /** The widgets this part names under {@link Widgets#KEY}, for tests and tools that look for them. */
    public enum WidgetName {
        FILTER, COUNT, LOAD_MORE, MY_IMAGES
    }

    private final ImagePager pager = new ImagePager();

    private Button mineButton;
    private boolean mine;
    private Label filterLabel;
    private Label countLabel;
    private Button loadMoreButton;
    private CommandRunner commands;
    private TagFilter.Choice shownChoice;

    @Inject
    public GalleryPart(GridPartContext context) {
        super(context);
    }

    @Override
    protected void createHeader(Composite parent) {
        Composite scope = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(10, 0).applyTo(scope);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(scope);
        mineButton = new Button(scope, SWT.TOGGLE);
        mineButton.setText("M&y images");
        mineButton.setToolTipText("Only your own images, private ones included, with their price and stock");
        Widgets.name(mineButton, WidgetName.MY_IMAGES);
        mineButton.addListener(SWT.Selection, event -> showMine(mineButton.getSelection()));
        filterLabel = new Label(scope, SWT.NONE);
        Widgets.name(filterLabel, WidgetName.FILTER);
        filterLabel.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(filterLabel);
        countLabel = new Label(parent, SWT.RIGHT);
        Widgets.name(countLabel, WidgetName.COUNT);
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).hint(320, SWT.DEFAULT).applyTo(countLabel);
        loadMoreButton = new Button(parent, SWT.PUSH);
        Widgets.name(loadMoreButton, WidgetName.LOAD_MORE);
        loadMoreButton.setText("Load &more");
        loadMoreButton.addListener(SWT.Selection, event -> loadMore());
    }

    @Override
    protected List<String> captions(Image image) {
        return Captions.nameAndPrice(image);
    }

    @Override
    protected void start() {
        commands = workbench.commands();
        // files dropped on the grid go to the upload wizard, where there is one
        Widgets.acceptFileDrops(grid, this::canUpload, this::upload);

        pager.addListener(this::showPager);
        subscriptions.add(browse.tagFilter().addListener(() -> {
            if (!browse.tagFilter().choice().equals(shownChoice)) {
                reload();
            }
        }));
        subscriptions.add(browse.onImagesChanged(ids -> refresh()));
        subscriptions.add(sessions.addListener(state -> background.onUiThread(this::reload)));
        subscriptions.add(preferences().addListener(prefs -> background.onUiThread(() -> {
            grid.setThumbnailSize(prefs.thumbnailSize());
            reload();
        })));
        reload();
    }

    /** Shows only the user's own images (private ones too), or everyone's they may see again. */
    public void showMine(boolean onlyMine) {
        mine = onlyMine;
        mineButton.setSelection(onlyMine);
        reload();
    }

    /** Loads the first batch again for the current tag choice. */
    public void reload() {
        shownChoice = browse.tagFilter().choice();
        filterLabel.setText(shownChoice.describe(mine));
        filterLabel.getParent().layout();
        send(pager.restart(shownChoice.query(preferences().get().batchSize(), mine)));
    }

    /** Loads what is shown again after a change, keeping as many images as were loaded. */
    public void refresh() {
        pager.refresh().ifPresentOrElse(this::send, this::reload);
    }

    /** Fetches the next batch if there is one and none is on its way. */
    @Override
    public void loadMore() {
        pager.next().ifPresent(this::send);
    }

    private void send(ImagePager.Request request) {
        background.run("Loading images", session -> session.images().list(request.query()),
                page -> pager.accept(request, page), error -> pager.fail(request, ErrorMessages.readable(error)));
    }

    private void showPager() {
        if (grid.isDisposed()) {
            return;
        }
        grid.setItems(pager.items());
        grid.setEmptyText(pager.error().orElse(pager.summary().equals("No images")
                ? (shownChoice.isAllImages() ? (mine ? "You have no images yet." : "No images yet.")
                        + " Drop image files here to upload them." : "No images with these tags.")
                : pager.summary()));
        countLabel.setText(pager.error().map(message -> message + " Press Load more to try again.")
                .orElse(pager.summary()));
        Widgets.markError(countLabel, pager.error().isPresent());
        loadMoreButton.setEnabled(!pager.isLoading() && (pager.hasMore() || pager.error().isPresent()));
        countLabel.getParent().layout(new org.eclipse.swt.widgets.Control[] { countLabel, filterLabel });
    }

    @Override
    protected void showError(String message) {
        countLabel.setText(message);
        Widgets.markError(countLabel, true);
    }

    private boolean canUpload() {
        return commands.canExecute(ClientCommands.UPLOAD, Map.of(ClientCommands.FILES, ""));
    }

    void upload(List<String> files) {
        if (!commands.execute(ClientCommands.UPLOAD, Map.of(ClientCommands.FILES, String.join(File.pathSeparator,
                files)))) {
            showError("Uploading is not available in this client.");
        }
    }

    @Focus
    public void setFocus() {
        grid.setFocus();
    }

    public boolean isLoading() {
        return pager.isLoading();
    }
}
