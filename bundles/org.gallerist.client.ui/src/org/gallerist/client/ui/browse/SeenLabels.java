package org.gallerist.client.ui.browse;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.RowLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageDetails;
import org.gallerist.api.image.PhotoFacts;
import org.gallerist.client.core.details.ImageFacts;
import org.gallerist.client.core.details.SeenByModel;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.widgets.Widgets;

/**
 * What the Details part shows from {@code images show} beyond the image line, fetched in the background: the camera's
 * facts (to those the server gives them), and the "Seen by the model" line, the server's labels for the image, with
 * one button per label for the owner that turns it into a tag.
 */
final class SeenLabels {

    private final Composite area;
    private final Label camera;
    private final Button shareCamera;
    private final Label caption;
    private final Composite buttons;
    private final Background background;
    private final BiConsumer<Image, SeenByModel.Seen> addTag;
    private final BiConsumer<Image, Boolean> share;
    private Image shown;
    private long showing = -1;
    private Consumer<ImageDetails> detailsListener = details -> { };

    /**
     * @param addTag called when the owner clicks a label's button
     * @param share  called when the owner ticks or clears "show the camera to everyone"
     */
    SeenLabels(Composite parent, Background background, BiConsumer<Image, SeenByModel.Seen> addTag,
            BiConsumer<Image, Boolean> share) {
        this.background = background;
        this.addTag = addTag;
        this.share = share;
        area = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(area);
        GridLayoutFactory.fillDefaults().applyTo(area);
        camera = new Label(area, SWT.WRAP);
        Widgets.name(camera, DetailsPart.WidgetName.CAMERA);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(camera);
        shareCamera = new Button(area, SWT.CHECK);
        shareCamera.setText("Show the camera and date to everyone");
        Widgets.name(shareCamera, DetailsPart.WidgetName.SHARE_CAMERA);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(shareCamera);
        shareCamera.addListener(SWT.Selection, event -> {
            if (shown != null) {
                share.accept(shown, shareCamera.getSelection());
            }
        });
        caption = new Label(area, SWT.WRAP);
        Widgets.name(caption, DetailsPart.WidgetName.SEEN);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(caption);
        buttons = new Composite(area, SWT.NONE);
        RowLayoutFactory.fillDefaults().wrap(true).spacing(4).applyTo(buttons);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(buttons);
        show((Image) null, false, () -> { });
    }

    /** Who else wants the details once they arrive (the part's download button). */
    void onDetails(Consumer<ImageDetails> listener) {
        detailsListener = listener;
    }

    /** The section's composite, for its place in the part. */
    Composite area() {
        return area;
    }

    /** Shows the labels of {@code image} (null: none), with tag buttons if {@code owner}; then calls {@code laidOut}. */
    void show(Image image, boolean owner, Runnable laidOut) {
        showing = image == null ? -1 : image.id();
        fill(List.of(), PhotoFacts.NONE, false, null, false);
        if (image == null) {
            laidOut.run();
            return;
        }
        background.run("Reading what the model saw in #" + image.id(),
                session -> session.images().details(image.id()), details -> {
                    if (!area.isDisposed() && showing == image.id()) {
                        show(details, owner, laidOut);
                    }
                }, error -> {
                    // the labels are a nicety; the rest of the part shows the image anyway
                });
    }

    /** Shows the labels the part already fetched with the image, without asking the server again. */
    void show(ImageDetails details, boolean owner, Runnable laidOut) {
        showing = details.image().id();
        detailsListener.accept(details);
        fill(SeenByModel.of(details.image(), details.seenByModel()), details.photo(), details.cameraShared(),
                details.image(), owner);
        laidOut.run();
    }

    private void fill(List<SeenByModel.Seen> seen, PhotoFacts photo, boolean shared, Image image, boolean owner) {
        shown = image;
        String facts = ImageFacts.camera(photo);
        camera.setText(facts);
        ((org.eclipse.swt.layout.GridData) camera.getLayoutData()).exclude = facts.isEmpty();
        camera.setVisible(!facts.isEmpty());
        boolean mayShare = owner && !facts.isEmpty();
        shareCamera.setSelection(shared);
        ((org.eclipse.swt.layout.GridData) shareCamera.getLayoutData()).exclude = !mayShare;
        shareCamera.setVisible(mayShare);
        caption.setText(SeenByModel.caption(seen));
        ((org.eclipse.swt.layout.GridData) caption.getLayoutData()).exclude = seen.isEmpty();
        caption.setVisible(!seen.isEmpty());
        for (Control old : buttons.getChildren()) {
            old.dispose();
        }
        if (owner) {
            for (SeenByModel.Seen label : seen) {
                if (label.canBecomeTag()) {
                    Widgets.name(Widgets.button(buttons, "Tag \u201c" + label.tag().get() + "\u201d",
                            () -> addTag.accept(image, label)), DetailsPart.WidgetName.ADD_TAG);
                }
            }
        }
        boolean visible = !seen.isEmpty() || !facts.isEmpty();
        area.setVisible(visible);
        ((org.eclipse.swt.layout.GridData) area.getLayoutData()).exclude = !visible;
    }
}
