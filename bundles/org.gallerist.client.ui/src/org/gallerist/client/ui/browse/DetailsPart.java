package org.gallerist.client.ui.browse;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.browse.BrowseState;
import org.gallerist.client.core.details.ImageEdit;
import org.gallerist.client.core.details.ImageFacts;
import org.gallerist.client.core.details.SeenByModel;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.widgets.Widgets;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The image chosen in a grid: a large preview and all its metadata. Its owner edits name, description, tags, price,
 * quantity and visibility, or deletes it; everyone else reads.
 */
public class DetailsPart {
    public static final String ID = "org.gallerist.client.ui.part.details";

    /** The widgets this part names under {@link Widgets#KEY}, for tests and tools that look for them. */
    public enum WidgetName {
        NAME, TAGS, PRICE, MESSAGE, SAVE, DELETE, SEEN, ADD_TAG, CAMERA, SHARE_CAMERA, DOWNLOAD
    }

    private final SessionModel sessions;
    private final BrowseState browse;
    private final PartServices workbench;
    private final Subscriptions subscriptions = new Subscriptions();

    private ScrolledComposite scroller;
    private Composite body;
    private PreviewCanvas preview;
    private PluginSections pluginSections;
    private Label titleLabel;
    private Label dimensionsLabel;
    private Label originLabel;
    private Label ownershipLabel;
    private SeenLabels seenLabels;
    private Composite formArea;
    private Text nameText;
    private Text descriptionText;
    private Text tagsText;
    private Text priceText;
    private Text quantityText;
    private Combo visibilityCombo;
    private Label messageLabel;
    private Composite ownerButtons;
    private Button saveButton;
    private Button revertButton;
    private Button deleteButton;
    private Button addToCartButton;
    private Button findSimilarButton;
    private DownloadButton download;
    private Background background;
    private ImageActions actions;
    private Image image;
    private boolean busy;

    @Inject
    public DetailsPart(SessionModel sessions, BrowseState browse, PartServices workbench) {
        this.sessions = sessions;
        this.browse = browse;
        this.workbench = workbench;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        body = new Composite(scroller, SWT.NONE);
        scroller.setContent(body);
        scroller.addListener(SWT.Resize, event -> relayout());
        GridLayoutFactory.fillDefaults().numColumns(2).margins(10, 10).spacing(8, 6).applyTo(body);

        preview = new PreviewCanvas(body);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(200, 240).applyTo(preview);
        titleLabel = new Label(body, SWT.WRAP);
        titleLabel.setFont(JFaceResources.getHeaderFont());
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(200, SWT.DEFAULT).applyTo(titleLabel);
        dimensionsLabel = fact();
        originLabel = fact();
        ownershipLabel = fact();

        formArea = new Composite(body, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(formArea);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(8, 6).applyTo(formArea);
        nameText = field("&Name:", SWT.BORDER);
        Widgets.name(nameText, WidgetName.NAME);
        descriptionText = new Text(form("&Description:"), SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, false).hint(120, 54).applyTo(descriptionText);
        tagsText = field("&Tags:", SWT.BORDER);
        Widgets.name(tagsText, WidgetName.TAGS);
        tagsText.setMessage("comma separated, e.g. cats, night sky");
        priceText = field("&Price:", SWT.BORDER);
        Widgets.name(priceText, WidgetName.PRICE);
        quantityText = field("&Quantity:", SWT.BORDER);
        visibilityCombo = new Combo(form("&Visibility:"), SWT.READ_ONLY);
        visibilityCombo.setItems("Public", "Private");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(visibilityCombo);

        messageLabel = new Label(formArea, SWT.WRAP);
        Widgets.name(messageLabel, WidgetName.MESSAGE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(200, SWT.DEFAULT).applyTo(messageLabel);

        ownerButtons = new Composite(formArea, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(ownerButtons);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(ownerButtons);
        saveButton = Widgets.button(ownerButtons, "&Save", this::save);
        Widgets.name(saveButton, WidgetName.SAVE);
        revertButton = Widgets.button(ownerButtons, "&Revert", () -> fill(image));
        deleteButton = Widgets.button(ownerButtons, "De&lete\u2026", () -> actions.delete(image, this::showError));
        Widgets.name(deleteButton, WidgetName.DELETE);
        Composite anyoneButtons = new Composite(formArea, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(anyoneButtons);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(anyoneButtons);
        addToCartButton = Widgets.button(anyoneButtons, "Add to &cart", () -> actions.addToCart(image));
        findSimilarButton = Widgets.button(anyoneButtons, "Find s&imilar", () -> actions.findSimilar(image));

        background = new Background(sessions, body);
        download = new DownloadButton(anyoneButtons, background, message -> showMessage(message, false),
                this::showError);
        seenLabels = new SeenLabels(body, background, this::addTag, this::shareCamera);
        seenLabels.onDetails(download::details);
        seenLabels.area().moveBelow(ownershipLabel);
        actions = workbench.imageActions(body, sessions, browse);
        pluginSections = new PluginSections(body, this::relayout);
        subscriptions.add(browse.onShow(this::show));
        subscriptions.add(browse.onImagesChanged(this::imagesChanged));
        subscriptions.add(sessions.addListener(state -> background.onUiThread(() -> show(null))));
        show(browse.shown().orElse(null));
    }

    private Label fact() {
        Label label = new Label(body, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(200, SWT.DEFAULT).applyTo(label);
        return label;
    }

    private Composite form(String label) {
        Label caption = new Label(formArea, SWT.NONE);
        caption.setText(label);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(caption);
        return formArea;
    }

    private Text field(String label, int style) {
        Text text = new Text(form(label), style);
        GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(text);
        return text;
    }

    /** Shows an image (null: none) and fetches its preview. */
    public void show(Image shown) {
        if (body.isDisposed()) {
            return;
        }
        boolean sameImage = image != null && shown != null && image.id() == shown.id();
        image = shown;
        if (!sameImage) {
            showMessage("", false);
            preview.setImage(null, shown == null ? "Select an image to see its details." : "Loading the preview\u2026");
            if (shown != null) {
                loadPreview(shown);
            }
        }
        fill(shown);
        download.show(shown);
        seenLabels.show(shown, shown != null && ImageEdit.canEdit(sessions.state().user(), shown), this::relayout);
        pluginSections.show(shown);
    }

    private void loadPreview(Image shown) {
        background.run("Loading preview of #" + shown.id(), session -> new ImageData(
                new ByteArrayInputStream(session.images().content(shown.id(), ImageSize.PREVIEW))), data -> {
                    if (image != null && image.id() == shown.id()) {
                        preview.setImage(new org.eclipse.swt.graphics.Image(preview.getDisplay(), data), "");
                        pluginSections.preview(shown, data);
                    }
                }, error -> {
                    if (image != null && image.id() == shown.id()) {
                        preview.setImage(null, ErrorMessages.readable(error));
                    }
                });
    }

    private void fill(Image shown) {
        boolean present = shown != null;
        boolean editable = present && ImageEdit.canEdit(sessions.state().user(), shown);
        ImageEdit form = present ? ImageEdit.of(shown) : null;
        titleLabel.setText(present ? shown.name() : "");
        formArea.setVisible(present);
        ((org.eclipse.swt.layout.GridData) formArea.getLayoutData()).exclude = !present;
        dimensionsLabel.setText(present ? ImageFacts.dimensions(shown) : "");
        originLabel.setText(present ? ImageFacts.origin(shown, ZoneId.systemDefault()) : "");
        ownershipLabel.setText(!present ? "" : editable ? "This is your image: you can change it or delete it."
                : "Only " + shown.owner() + " can change this image.");
        nameText.setText(present ? form.name() : "");
        descriptionText.setText(present ? form.description() : "");
        tagsText.setText(present ? form.tags() : "");
        priceText.setText(present ? form.price() : "");
        quantityText.setText(present ? form.quantity() : "");
        visibilityCombo.select(present && shown.visibility() == Visibility.PRIVATE ? 1 : 0);
        for (Text text : new Text[] { nameText, descriptionText, tagsText, priceText, quantityText }) {
            text.setEditable(editable);
            text.setEnabled(present);
        }
        visibilityCombo.setEnabled(editable);
        ownerButtons.setVisible(editable);
        ((org.eclipse.swt.layout.GridData) ownerButtons.getLayoutData()).exclude = !editable;
        setBusy(busy);
        addToCartButton.setEnabled(present && actions.canAddToCart(shown));
        findSimilarButton.setEnabled(present);
        relayout();
    }

    private void save() {
        if (image == null || busy) {
            return;
        }
        Image original = image;
        ImageEdit edit = new ImageEdit(nameText.getText(), descriptionText.getText(), tagsText.getText(),
                priceText.getText(), quantityText.getText(),
                visibilityCombo.getSelectionIndex() == 1 ? Visibility.PRIVATE : Visibility.PUBLIC);
        ImageEdit.Checked checked = edit.check(original);
        if (checked.problem().isPresent()) {
            showError(checked.problem().get());
            return;
        }
        if (!checked.hasChanges()) {
            showMessage("Nothing changed.", false);
            return;
        }
        ImageChanges changes = checked.changes().get();
        setBusy(true);
        showMessage("Saving\u2026", false);
        background.run("Saving image #" + original.id(), session -> session.images().update(original.id(), changes),
                updated -> {
                    setBusy(false);
                    if (image != null && image.id() == updated.id()) {
                        image = updated;
                        fill(updated);
                    }
                    showMessage("Saved.", false);
                    actions.announceChanged(List.of(updated.id()));
                }, error -> {
                    setBusy(false);
                    showError(ErrorMessages.readable(error));
                });
    }

    /** Adds the tag a model label makes, as if the owner had typed it into the tags and saved. */
    private void addTag(Image labelled, SeenByModel.Seen seen) {
        if (busy || image == null || image.id() != labelled.id()) {
            return;
        }
        setBusy(true);
        background.run("Tagging image #" + labelled.id(),
                session -> session.images().update(labelled.id(), SeenByModel.addTag(image, seen)), updated -> {
                    setBusy(false);
                    showMessage("Tagged \u201c" + seen.tag().orElse("") + "\u201d.", false);
                    actions.announceChanged(List.of(updated.id()));
                }, error -> {
                    setBusy(false);
                    showError(ErrorMessages.readable(error));
                });
    }

    /** Lets everyone who sees the image see its camera's facts, or keeps them to the owner again. */
    private void shareCamera(Image photo, boolean shared) {
        if (busy || image == null || image.id() != photo.id()) {
            return;
        }
        setBusy(true);
        background.run("Changing who sees the camera of #" + photo.id(), session -> session.images().update(photo.id(),
                new ImageChanges(null, null, null, null, null, null, shared)), updated -> {
                    setBusy(false);
                    showMessage(shared ? "Everyone who sees the image now sees how it was taken."
                            : "Only you see how it was taken.", false);
                    actions.announceChanged(List.of(updated.id()));
                }, error -> {
                    setBusy(false);
                    showError(ErrorMessages.readable(error));
                });
    }

    /** Shows the image again as the server has it now, or nothing if it was deleted. */
    private void imagesChanged(List<Long> ids) {
        if (image == null || !(ids.isEmpty() || ids.contains(image.id()))) {
            return;
        }
        long id = image.id();
        background.run("Refreshing image #" + id, session -> session.images().details(id), fresh -> {
            if (image != null && image.id() == id && !busy) {
                image = fresh.image();
                fill(image);
                seenLabels.show(fresh, ImageEdit.canEdit(sessions.state().user(), image), this::relayout);
            }
        }, error -> {
            if (image != null && image.id() == id) {
                show(null);
                preview.setImage(null, "That image is no longer available.");
            }
        });
    }

    private void setBusy(boolean working) {
        busy = working;
        boolean usable = image != null && !working;
        saveButton.setEnabled(usable);
        revertButton.setEnabled(usable);
        deleteButton.setEnabled(usable);
    }

    private void showError(String message) {
        showMessage(message, true);
    }

    private void showMessage(String message, boolean error) {
        messageLabel.setText(message);
        Widgets.markError(messageLabel, error);
        relayout();
    }

    private void relayout() {
        body.layout(true, true);
        int width = scroller.getClientArea().width;
        scroller.setMinSize(body.computeSize(width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT));
    }

    /** What "Download original…" or "Save preview…" does, to {@code target} instead of a file the user picks. */
    public void saveShown(java.nio.file.Path target) {
        download.save(target);
    }

    @Focus
    public void setFocus() {
        (nameText.getEditable() ? nameText : (Control) findSimilarButton).setFocus();
    }

    @PreDestroy
    public void dispose() {
        subscriptions.stopAll();
        pluginSections.close();
    }

    public java.util.Optional<Image> image() {
        return java.util.Optional.ofNullable(image);
    }

    /** The titles of the plugins' sections now shown. */
    public List<String> pluginSectionTitles() {
        return pluginSections.titles();
    }

    public boolean hasPreview() {
        return preview.hasImage();
    }

    public boolean isBusy() {
        return busy;
    }

    /** Whether the form can be edited: only for the owner. */
    public boolean isEditable() {
        return nameText.getEditable();
    }
}
