package org.gallerist.client.ui.upload;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.client.core.ClientTopics;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.upload.FileResult;
import org.gallerist.client.core.upload.UploadForm;
import org.gallerist.client.core.upload.UploadItem;
import org.gallerist.client.core.upload.UploadPlan;
import org.gallerist.client.core.upload.UploadRun;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.widgets.ResizableTitleDialog;

/**
 * Uploads one or many files: a name and description for each, tags, price, quantity and visibility for all. The
 * upload runs as a job with a progress bar and one result row per file; Cancel stops it between files. Near
 * duplicates and the tags the server suggests show in the results, and the suggestions can be added. What the
 * dialog holds and shows is its {@link UploadForm}; the widgets only show it and write into it.
 */
public class UploadDialog extends ResizableTitleDialog {
    /**
     * The widgets this dialog names under {@link org.gallerist.client.ui.widgets.Widgets#KEY}, for tests and tools
     * that look for them.
     */
    public enum WidgetName {
        FILES, TAGS, PRICE, QUANTITY, PUBLIC, PRIVATE, PROGRESS, RESULTS, ADD_SUGGESTED_TAGS
    }

    private final SessionModel sessions;
    private final IEventBroker events;
    private final UploadForm form;
    private final boolean folderImport;
    private Background background;
    private UploadFields fields;
    private UploadResults results;
    private Job upload;
    private Runnable stopListening = () -> { };

    public UploadDialog(Shell parent, SessionModel sessions, IEventBroker events, List<Path> files) {
        this(parent, sessions, events, files, false);
    }

    /** @param folderImport whether files the account already stores are found first and not sent (see UploadRun) */
    public UploadDialog(Shell parent, SessionModel sessions, IEventBroker events, List<Path> files,
            boolean folderImport) {
        super(parent, "Upload Images", new Point(900, 800));
        this.sessions = sessions;
        this.events = events;
        this.form = new UploadForm(files);
        this.folderImport = folderImport;
    }

    /** What the dialog holds and shows. */
    public UploadForm form() {
        return form;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Upload images");
        setMessage(form.message());
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().margins(10, 6).applyTo(body);
        fields = new UploadFields(body, form);
        results = new UploadResults(body, form, this::addSuggestedTags);
        background = new Background(sessions, getShell());
        loadTagsInUse();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Upload", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        stopListening = form.addListener(this::show);
        show();
    }

    private void show() {
        Button uploadButton = getButton(IDialogConstants.OK_ID);
        Button cancelButton = getButton(IDialogConstants.CANCEL_ID);
        if (uploadButton == null || uploadButton.isDisposed()) {
            return;
        }
        setErrorMessage(form.error().orElse(null));
        setMessage(form.message(), form.isWarning() ? IMessageProvider.WARNING : IMessageProvider.NONE);
        uploadButton.setEnabled(form.canUpload());
        cancelButton.setText(switch (form.phase()) {
            case EDITING -> IDialogConstants.CANCEL_LABEL;
            case UPLOADING, STOPPING -> "&Stop";
            case DONE -> IDialogConstants.CLOSE_LABEL;
        });
        cancelButton.setEnabled(form.phase() != UploadForm.Phase.STOPPING);
        fields.show();
        results.show();
    }

    private void loadTagsInUse() {
        if (sessions.session().isEmpty()) {
            form.tagsInUseUnknown();
            return;
        }
        background.run("Loading tags", session -> session.images().tags(), form::tagsInUse, form::tagsInUseFailed);
    }

    /** Upload: starts the job; the dialog stays open to show the results. */
    @Override
    protected void okPressed() {
        form.start(sessions.session().isPresent()).ifPresent(this::upload);
    }

    private void upload(UploadPlan plan) {
        int count = plan.items().size();
        upload = background.run("Uploading " + count + (count == 1 ? " image" : " images"),
                (GalleristSession session, IProgressMonitor monitor) -> {
                    monitor.beginTask("Uploading", count);
                    UploadRun run = new UploadRun(session.images(), folderImport);
                    List<FileResult> all = run.run(plan, new UploadRun.Progress() {
                        @Override
                        public boolean cancelled() {
                            return monitor.isCanceled();
                        }

                        @Override
                        public void starting(int index, UploadItem item) {
                            monitor.subTask(item.name());
                            background.onUiThread(() -> form.starting(index, item));
                        }

                        @Override
                        public void finished(int index, FileResult result) {
                            monitor.worked(1);
                            background.onUiThread(() -> form.fileFinished(result));
                        }
                    });
                    monitor.done();
                    return all;
                }, all -> {
                    announce(form.finished(all));
                    loadTagsInUse();
                }, form::failed);
    }

    private void addSuggestedTags(List<?> chosen) {
        List<FileResult> targets = form.suggestedTagTargets(chosen);
        if (targets.isEmpty() || sessions.session().isEmpty()) {
            return;
        }
        form.addingSuggestedTags();
        background.run("Adding suggested tags", session -> new UploadRun(session.images()).addSuggestedTags(targets),
                added -> announce(form.suggestedTagsAdded(added)), form::suggestedTagsFailed);
    }

    private void announce(List<Long> changedImages) {
        if (events != null && !changedImages.isEmpty()) {
            events.post(ClientTopics.IMAGES_CHANGED, changedImages);
        }
    }

    /** Cancel before the upload, Stop (between files) while it runs, Close after. */
    @Override
    protected void cancelPressed() {
        if (!stopUpload()) {
            super.cancelPressed();
        }
    }

    @Override
    protected void handleShellCloseEvent() {
        if (!stopUpload()) {
            super.handleShellCloseEvent();
        }
    }

    /** @return false when no upload is running, so the dialog may close */
    private boolean stopUpload() {
        if (!form.stop()) {
            return false;
        }
        upload.cancel();
        return true;
    }

    @Override
    public boolean close() {
        boolean closed = super.close();
        if (closed) {
            stopListening.run();
        }
        return closed;
    }
}
