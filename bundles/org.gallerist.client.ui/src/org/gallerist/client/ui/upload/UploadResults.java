package org.gallerist.client.ui.upload;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.gallerist.client.core.upload.FileResult;
import org.gallerist.client.core.upload.UploadForm;
import org.gallerist.client.core.upload.UploadProgress;
import org.gallerist.client.ui.widgets.Tables;
import org.gallerist.client.ui.widgets.Widgets;

/** The lower half of the upload dialog: how far the upload is, one row per file sent, and the suggested tags. */
final class UploadResults {
    private final UploadForm form;
    private final ProgressBar progressBar;
    private final Label progressLabel;
    private final TableViewer resultsViewer;
    private final Button addSuggestedButton;

    /** {@code addSuggestedTags} gets the chosen results (none: all of them). */
    UploadResults(Composite parent, UploadForm form, Consumer<List<?>> addSuggestedTags) {
        this.form = form;
        Group group = UploadFields.group(parent, "Progress and results", 2, true);
        progressBar = new ProgressBar(group, SWT.SMOOTH | SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(progressBar);
        progressLabel = new Label(group, SWT.NONE);
        progressLabel.setText(form.progress().text());
        Widgets.name(progressLabel, UploadDialog.WidgetName.PROGRESS);
        GridDataFactory.fillDefaults().hint(300, SWT.DEFAULT).applyTo(progressLabel);
        resultsViewer = UploadFields.table(group, UploadDialog.WidgetName.RESULTS);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(600, 150)
                .applyTo(resultsViewer.getTable().getParent());
        ColumnViewerToolTipSupport.enableFor(resultsViewer);
        Tables.column(resultsViewer, "File", 22, 110, SWT.LEFT,
                Tables.text(FileResult.class, result -> result.file().getFileName().toString()));
        Tables.column(resultsViewer, "Result", 56, 200, SWT.LEFT, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((FileResult) element).summary();
            }

            @Override
            public String getToolTipText(Object element) {
                return getText(element);
            }

            @Override
            public Color getForeground(Object element) {
                FileResult result = (FileResult) element;
                return result.status() == FileResult.Status.FAILED || result.status() == FileResult.Status.CANCELLED
                        || result.hasNearDuplicates()
                        ? Widgets.errorColor(resultsViewer.getControl().getDisplay()) : null;
            }
        });
        Tables.column(resultsViewer, "Suggested tags", 22, 100, SWT.LEFT,
                Tables.text(FileResult.class, result -> String.join(", ", result.newSuggestedTags())));
        resultsViewer.setInput(form.progress().results());
        new Label(group, SWT.NONE);
        addSuggestedButton = UploadFields.button(group, "Add &Suggested Tags",
                () -> addSuggestedTags.accept(resultsViewer.getStructuredSelection().toList()));
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).applyTo(addSuggestedButton);
        addSuggestedButton.setToolTipText("Adds the suggested tags to the selected images (all, if none is selected)");
        Widgets.name(addSuggestedButton, UploadDialog.WidgetName.ADD_SUGGESTED_TAGS);
    }

    void show() {
        if (progressLabel.isDisposed()) {
            return;
        }
        UploadProgress progress = form.progress();
        progressLabel.setText(progress.text());
        if (progress.filesSent() > 0) {
            progressBar.setMaximum(progress.filesSent());
        }
        List<FileResult> results = progress.results();
        progressBar.setSelection(results.size());
        if (!results.equals(resultsViewer.getInput())) {
            resultsViewer.setInput(results);
        }
        addSuggestedButton.setEnabled(form.canAddSuggestedTags());
    }
}
