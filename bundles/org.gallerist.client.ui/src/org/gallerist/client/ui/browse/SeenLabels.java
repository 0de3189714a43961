package org.gallerist.client.ui.browse;

import java.util.List;
import java.util.function.BiConsumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.RowLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageDetails;
import org.gallerist.client.core.details.SeenByModel;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.widgets.Widgets;

/**
 * The Details part's "Seen by the model" line: the server's labels for the image, fetched in the background, and for
 * the owner one button per label that turns it into a tag.
 */
final class SeenLabels {

    private final Composite area;
    private final Label caption;
    private final Composite buttons;
    private final Background background;
    private final BiConsumer<Image, SeenByModel.Seen> addTag;
    private long showing = -1;

    /** @param addTag called when the owner clicks a label's button */
    SeenLabels(Composite parent, Background background, BiConsumer<Image, SeenByModel.Seen> addTag) {
        this.background = background;
        this.addTag = addTag;
        area = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(area);
        GridLayoutFactory.fillDefaults().applyTo(area);
        caption = new Label(area, SWT.WRAP);
        Widgets.name(caption, DetailsPart.WidgetName.SEEN);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(caption);
        buttons = new Composite(area, SWT.NONE);
        RowLayoutFactory.fillDefaults().wrap(true).spacing(4).applyTo(buttons);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(buttons);
        show((Image) null, false, () -> { });
    }

    /** The section's composite, for its place in the part. */
    Composite area() {
        return area;
    }

    /** Shows the labels of {@code image} (null: none), with tag buttons if {@code owner}; then calls {@code laidOut}. */
    void show(Image image, boolean owner, Runnable laidOut) {
        showing = image == null ? -1 : image.id();
        fill(List.of(), null, false);
        if (image == null) {
            laidOut.run();
            return;
        }
        background.run("Reading what the model saw in #" + image.id(), session -> session.images().details(image.id()),
                details -> {
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
        fill(SeenByModel.of(details.image(), details.seenByModel()), details.image(), owner);
        laidOut.run();
    }

    private void fill(List<SeenByModel.Seen> seen, Image image, boolean owner) {
        caption.setText(SeenByModel.caption(seen));
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
        boolean visible = !seen.isEmpty();
        area.setVisible(visible);
        ((org.eclipse.swt.layout.GridData) area.getLayoutData()).exclude = !visible;
    }
}
