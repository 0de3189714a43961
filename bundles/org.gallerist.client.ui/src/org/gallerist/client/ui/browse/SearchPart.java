package org.gallerist.client.ui.browse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.similarity.SimilarImage;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.details.ImageFacts;
import org.gallerist.client.core.gallery.ImagePager;
import org.gallerist.client.core.search.SimilarSearch;
import org.gallerist.client.ui.widgets.Widgets;

import jakarta.inject.Inject;

/**
 * Search by words in names and descriptions, or by example: choose an image file, drop one onto the part, or ask
 * for images like one already stored. Results show as thumbnails; similar ones with their score.
 */
public class SearchPart extends ImageGridPart {
    public static final String ID = "org.gallerist.client.ui.part.search";

    /** The widgets this part names under {@link Widgets#KEY}, for tests and tools that look for them. */
    public enum WidgetName {
        SEARCH, CHOOSE, STATUS
    }

    private final ImagePager textResults = new ImagePager();
    private final SimilarSearch similar = new SimilarSearch();
    private final Map<Long, Double> scores = new HashMap<>();

    private Text searchText;
    private Button chooseButton;
    private Label dropHint;
    private Label statusLabel;
    private Button loadMoreButton;
    private boolean showingSimilar;

    @Inject
    public SearchPart(GridPartContext context) {
        super(context);
    }

    @Override
    protected void createHeader(Composite parent) {
        searchText = Widgets.searchField(parent, WidgetName.SEARCH, "Search names and descriptions (Ctrl+F)");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(searchText);
        searchText.addListener(SWT.DefaultSelection, event -> runTextSearch());
        Button searchButton = new Button(parent, SWT.PUSH);
        searchButton.setText("&Search");
        GridDataFactory.fillDefaults().applyTo(searchButton);
        searchButton.addListener(SWT.Selection, event -> runTextSearch());

        Label similarLabel = new Label(parent, SWT.NONE);
        similarLabel.setText("Find similar:");
        dropHint = new Label(parent, SWT.WRAP);
        dropHint.setText("choose an image file, or drop one here");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(dropHint);
        chooseButton = new Button(parent, SWT.PUSH);
        Widgets.name(chooseButton, WidgetName.CHOOSE);
        chooseButton.setText("C&hoose image\u2026");
        GridDataFactory.fillDefaults().applyTo(chooseButton);
        chooseButton.addListener(SWT.Selection, event -> chooseFile());

        statusLabel = new Label(parent, SWT.WRAP);
        Widgets.name(statusLabel, WidgetName.STATUS);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).align(SWT.FILL, SWT.CENTER).applyTo(statusLabel);
        loadMoreButton = new Button(parent, SWT.PUSH);
        loadMoreButton.setText("Load &more");
        GridDataFactory.fillDefaults().applyTo(loadMoreButton);
        loadMoreButton.addListener(SWT.Selection, event -> loadMore());
    }

    @Override
    protected void start() {
        grid.setEmptyText("Search by words, or find images like one you have.");
        acceptDroppedImages(grid.getParent());
        acceptDroppedImages(grid);

        textResults.addListener(this::showResults);
        similar.addListener(this::showResults);
        subscriptions.add(browse.onFindSimilar(this::findSimilarTo));
        subscriptions.add(browse.onImagesChanged(ids -> {
            if (!showingSimilar && textResults.query().isPresent()) {
                runTextSearch();
            }
        }));
        subscriptions.add(sessions.addListener(state -> background.onUiThread(this::checkSimilarity)));
        subscriptions.add(preferences().addListener(prefs -> background.onUiThread(
                () -> grid.setThumbnailSize(prefs.thumbnailSize()))));
        checkSimilarity();
        showResults();
    }

    @Override
    protected List<String> captions(Image image) {
        Double score = showingSimilar ? scores.get(image.id()) : null;
        if (score != null) {
            return List.of(image.name(), String.format(java.util.Locale.ROOT, "%.0f%% alike \u00b7 %s",
                    Math.max(0, score) * 100, image.price().toPlainString()));
        }
        return List.of(image.name(), ImageFacts.priceAndStock(image));
    }

    /** Asks the server once whether it can search by similarity at all. */
    private void checkSimilarity() {
        background.run("Checking similarity search", session -> session.images().similarityStatus(),
                similar::status, similar::statusFailed);
    }

    /** Runs the text search in the box (empty text: every image). */
    public void runTextSearch() {
        showingSimilar = false;
        ImagePager.Request request = textResults.restart(new ImageQuery(List.of(), false, searchText.getText().strip(),
                false, preferences().get().batchSize(), null));
        sendText(request);
    }

    @Override
    protected void loadMore() {
        if (!showingSimilar) {
            textResults.next().ifPresent(this::sendText);
        }
    }

    private void sendText(ImagePager.Request request) {
        background.run("Searching images", session -> session.images().list(request.query()),
                page -> textResults.accept(request, page),
                error -> textResults.fail(request, ErrorMessages.readable(error)));
    }

    /** Finds images like one already stored. */
    public void findSimilarTo(long imageId) {
        String like = browse.shown().filter(image -> image.id() == imageId)
                .map(image -> "\u201c" + image.name() + "\u201d").orElse("#" + imageId);
        startSimilar();
        SimilarSearch.Request request = similar.start(like);
        background.run("Finding similar images", session -> session.images().similarTo(imageId,
                SimilarSearch.RESULT_LIMIT, List.of()), hits -> similar.accept(request, hits),
                error -> similar.fail(request, error));
    }

    /** Finds images like an image file on this computer. */
    public void findSimilarTo(Path file) {
        startSimilar();
        SimilarSearch.Request request = similar.start(file.getFileName().toString());
        background.run("Finding similar images", session -> {
            try {
                return session.images().similar(Files.readAllBytes(file), SimilarSearch.RESULT_LIMIT, List.of());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, hits -> similar.accept(request, hits), error -> {
            if (error instanceof java.io.UncheckedIOException io) {
                similar.fail(request, new org.gallerist.api.GalleristException(
                        org.gallerist.api.ErrorCode.INVALID_ARGUMENT, "Cannot read " + file.getFileName() + "."));
            } else {
                similar.fail(request, error);
            }
        });
    }

    /** Words left in the box would suggest they narrow the similar results, which they do not. */
    private void startSimilar() {
        showingSimilar = true;
        searchText.setText("");
    }

    private void chooseFile() {
        FileDialog dialog = new FileDialog(grid.getShell(), SWT.OPEN);
        dialog.setText("Find images like\u2026");
        dialog.setFilterExtensions(new String[] { "*.jpg;*.jpeg;*.png;*.gif;*.bmp;*.webp;*.tif;*.tiff", "*" });
        dialog.setFilterNames(new String[] { "Images", "All files" });
        String chosen = dialog.open();
        if (chosen != null) {
            findSimilarTo(Path.of(chosen));
        }
    }

    private void acceptDroppedImages(Control control) {
        Widgets.acceptFileDrops(control, similar::isAvailable, files -> findSimilarTo(Path.of(files.get(0))));
    }

    private void showResults() {
        if (grid.isDisposed()) {
            return;
        }
        boolean available = similar.isAvailable();
        chooseButton.setEnabled(available);
        dropHint.setText(available ? "choose an image file, or drop one here"
                : similar.unavailable().orElse("not available"));
        if (showingSimilar) {
            scores.clear();
            for (SimilarImage hit : similar.hits()) {
                scores.put(hit.image().id(), hit.score());
            }
            grid.setItems(similar.hits().stream().map(SimilarImage::image).toList());
            statusLabel.setText(similar.summary());
            Widgets.markError(statusLabel, similar.error().isPresent());
            grid.setEmptyText(similar.isSearching() ? "Searching\u2026" : "");
            loadMoreButton.setEnabled(false);
        } else if (textResults.query().isPresent()) {
            grid.setItems(textResults.items());
            String words = textResults.query().get().text();
            String summary = textResults.summary();
            statusLabel.setText(textResults.error().orElse(words.isEmpty() ? summary
                    : "\u201c" + words + "\u201d: " + summary.replace("No images", "nothing found")));
            Widgets.markError(statusLabel, textResults.error().isPresent());
            grid.setEmptyText(textResults.isLoading() ? "Searching\u2026" : "No image matches these words.");
            loadMoreButton.setEnabled(!textResults.isLoading() && textResults.hasMore());
        } else {
            statusLabel.setText(available ? "" : similar.unavailable().orElse(""));
            Widgets.markError(statusLabel, false);
            loadMoreButton.setEnabled(false);
        }
        dropHint.getParent().layout(new Control[] { dropHint, statusLabel });
    }

    @Override
    protected void showError(String message) {
        statusLabel.setText(message);
        Widgets.markError(statusLabel, true);
    }

    /** Ctrl+F: puts the cursor in the search box. */
    public void focusSearch() {
        searchText.setFocus();
        searchText.selectAll();
    }

    @Focus
    public void setFocus() {
        searchText.setFocus();
    }

    public boolean isSearching() {
        return similar.isSearching() || textResults.isLoading();
    }

    public java.util.Optional<Double> score(long imageId) {
        return java.util.Optional.ofNullable(scores.get(imageId));
    }
}
