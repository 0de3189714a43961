package org.gallerist.client.ui.browse;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageDetails;
import org.gallerist.client.core.details.DownloadChoice;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.jobs.ImageDownload;
import org.gallerist.client.ui.widgets.Widgets;

/**
 * The Details part's "Download original…" button, or "Save preview…" where the server gives the caller only the
 * preview (it says which in {@code images show}); the file is fetched and written in a job.
 */
final class DownloadButton {

    private final Button button;
    private final Background background;
    private final Consumer<String> saved;
    private final Consumer<String> failed;
    private Image image;
    private DownloadChoice choice = DownloadChoice.PREVIEW;

    /** @param saved and {@code failed} get a message for the part to show */
    DownloadButton(Composite parent, Background background, Consumer<String> saved, Consumer<String> failed) {
        this.background = background;
        this.saved = saved;
        this.failed = failed;
        button = Widgets.button(parent, choice.label(), this::chooseAndSave);
        Widgets.name(button, DetailsPart.WidgetName.DOWNLOAD);
    }

    /** A new image (null: none): the preview until its details say more. */
    void show(Image shown) {
        if (shown == null || image == null || shown.id() != image.id()) {
            choice = DownloadChoice.PREVIEW;
        }
        image = shown;
        refresh();
    }

    void details(ImageDetails details) {
        if (image != null && details.image().id() == image.id()) {
            choice = DownloadChoice.of(details);
            refresh();
        }
    }

    private void refresh() {
        if (!button.isDisposed()) {
            button.setText(choice.label());
            button.setEnabled(image != null);
            button.getParent().layout(true);
        }
    }

    private void chooseAndSave() {
        if (image == null) {
            return;
        }
        FileDialog dialog = new FileDialog(button.getShell(), SWT.SAVE);
        dialog.setFileName(choice.fileName(image));
        dialog.setOverwrite(true);
        String target = dialog.open();
        if (target != null) {
            save(Path.of(target));
        }
    }

    /** Writes what the button offers for the shown image to {@code target}, in a job. */
    void save(Path target) {
        Image saving = image;
        DownloadChoice what = choice;
        ImageDownload.save(background, saving.id(), what.size(), target, written -> saved.accept("Saved "
                + (what == DownloadChoice.ORIGINAL ? "the original" : "the preview") + " to " + written + "."), failed);
    }
}
