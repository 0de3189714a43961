package org.gallerist.client.ui.upload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.fieldassist.ContentProposal;
import org.eclipse.jface.fieldassist.ContentProposalAdapter;
import org.eclipse.jface.fieldassist.IContentProposal;
import org.eclipse.jface.fieldassist.TextContentAdapter;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.preference.JFacePreferences;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.TagCount;
import org.gallerist.api.image.Upload;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.ClientTopics;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.upload.FileResult;
import org.gallerist.client.core.upload.TagRules;
import org.gallerist.client.core.upload.UploadItem;
import org.gallerist.client.core.upload.UploadPlan;
import org.gallerist.client.core.upload.UploadRun;

/**
 * Uploads one or many files: a name and description for each, tags, price, quantity and visibility for all. The
 * upload runs as a job with a progress bar and one result row per file; Cancel stops it between files. Near
 * duplicates and the tags the server suggests show in the results, and the suggestions can be added.
 */
public class UploadDialog extends TitleAreaDialog {
    private static final String[] IMAGE_FILTERS = { "*.jpg;*.jpeg;*.png;*.gif;*.bmp;*.webp;*.tif;*.tiff", "*" };

    private final SessionModel sessions;
    private final IEventBroker events;
    private final List<UploadItem> items = new ArrayList<>();
    private final List<FileResult> results = new ArrayList<>();
    private List<String> existingTags = List.of();
    private Job job;
    private boolean done;

    private TableViewer filesViewer;
    private Button addFilesButton;
    private Button removeFilesButton;
    private Text tagsText;
    private Label existingTagsLabel;
    private Text priceText;
    private Text quantityText;
    private Button publicButton;
    private Button privateButton;
    private ProgressBar progressBar;
    private Label progressLabel;
    private TableViewer resultsViewer;
    private Button addSuggestedButton;

    public UploadDialog(Shell parent, SessionModel sessions, IEventBroker events, List<Path> files) {
        super(parent);
        this.sessions = sessions;
        this.events = events;
        files.forEach(this::addFile);
        setHelpAvailable(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Upload Images");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Point getInitialSize() {
        return new Point(900, 800);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Upload images");
        setMessage("Name each file, then say what they all share. Click a name or description to change it.");
        Composite form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        GridLayoutFactory.swtDefaults().margins(10, 6).applyTo(form);
        createFilesGroup(form);
        createSharedGroup(form);
        createResultsGroup(form);
        loadExistingTags();
        return area;
    }

    private void createFilesGroup(Composite parent) {
        Group group = group(parent, "Files", 2, true);
        filesViewer = table(group, 150);
        column(filesViewer, "File", 30, 120, text(item -> ((UploadItem) item).file().getFileName().toString()));
        TableViewerColumn name = column(filesViewer, "Name", 35, 140, text(item -> ((UploadItem) item).name()));
        name.setEditingSupport(new ItemEditing(filesViewer, UploadItem::name, UploadItem::withName));
        TableViewerColumn description = column(filesViewer, "Description", 35, 140,
                text(item -> ((UploadItem) item).description()));
        description.setEditingSupport(new ItemEditing(filesViewer, UploadItem::description,
                UploadItem::withDescription));
        filesViewer.setInput(items);
        Composite buttons = new Composite(group, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        addFilesButton = push(buttons, "&Add Files\u2026", this::chooseFiles);
        removeFilesButton = push(buttons, "&Remove", this::removeSelectedFiles);
        filesViewer.addSelectionChangedListener(event -> updateState());
    }

    private void createSharedGroup(Composite parent) {
        Group group = group(parent, "For all of them", 2, false);
        tagsText = field(group, "&Tags:", "");
        tagsText.setMessage("comma-separated, e.g. space, night");
        new Label(group, SWT.NONE);
        existingTagsLabel = new Label(group, SWT.WRAP);
        existingTagsLabel.setText("Loading the tags in use\u2026");
        GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(existingTagsLabel);
        ContentProposalAdapter proposals = new ContentProposalAdapter(tagsText, new TextContentAdapter(),
                this::proposeTags, KeyStroke.getInstance(SWT.CTRL, ' '),
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray());
        proposals.setProposalAcceptanceStyle(ContentProposalAdapter.PROPOSAL_INSERT);
        new Label(group, SWT.NONE).setText("&Price:");
        Composite row = new Composite(group, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).spacing(12, 0).applyTo(row);
        priceText = new Text(row, SWT.BORDER | SWT.RIGHT);
        priceText.setText("1.00");
        GridDataFactory.fillDefaults().hint(90, SWT.DEFAULT).applyTo(priceText);
        new Label(row, SWT.NONE).setText("&Quantity:");
        quantityText = new Text(row, SWT.BORDER | SWT.RIGHT);
        quantityText.setText("1");
        GridDataFactory.fillDefaults().hint(70, SWT.DEFAULT).applyTo(quantityText);
        publicButton = new Button(row, SWT.RADIO);
        publicButton.setText("P&ublic: everyone logged in sees them");
        publicButton.setSelection(true);
        privateButton = new Button(row, SWT.RADIO);
        privateButton.setText("Pri&vate: only you");
    }

    private void createResultsGroup(Composite parent) {
        Group group = group(parent, "Progress and results", 2, true);
        progressBar = new ProgressBar(group, SWT.SMOOTH | SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(progressBar);
        progressLabel = new Label(group, SWT.NONE);
        progressLabel.setText("Not started.");
        GridDataFactory.fillDefaults().hint(300, SWT.DEFAULT).applyTo(progressLabel);
        resultsViewer = table(group, 150);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(600, 150)
                .applyTo(resultsViewer.getTable().getParent());
        ColumnViewerToolTipSupport.enableFor(resultsViewer);
        column(resultsViewer, "File", 22, 110, text(result -> ((FileResult) result).file().getFileName().toString()));
        column(resultsViewer, "Result", 56, 200, new ColumnLabelProvider() {
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
                return !result.uploaded() || result.hasNearDuplicates() ? errorColor() : null;
            }
        });
        column(resultsViewer, "Suggested tags", 22, 100,
                text(result -> String.join(", ", ((FileResult) result).newSuggestedTags())));
        resultsViewer.setInput(results);
        new Label(group, SWT.NONE);
        addSuggestedButton = push(group, "Add &Suggested Tags", this::addSuggestedTags);
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).applyTo(addSuggestedButton);
        addSuggestedButton.setToolTipText("Adds the suggested tags to the selected images (all, if none is selected)");
        resultsViewer.addSelectionChangedListener(event -> updateState());
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Upload", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        priceText.addModifyListener(event -> updateState());
        quantityText.addModifyListener(event -> updateState());
        tagsText.addModifyListener(event -> updateState());
        updateState();
    }

    private static Group group(Composite parent, String title, int columns, boolean grabVertically) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        GridDataFactory.fillDefaults().grab(true, grabVertically).applyTo(group);
        GridLayoutFactory.swtDefaults().numColumns(columns).applyTo(group);
        return group;
    }

    private static TableViewer table(Composite parent, int height) {
        Composite holder = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).hint(600, height).applyTo(holder);
        holder.setLayout(new TableColumnLayout());
        TableViewer viewer = new TableViewer(holder, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    private static TableViewerColumn column(TableViewer viewer, String title, int weight, int minimum,
            ColumnLabelProvider labels) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.setLabelProvider(labels);
        ((TableColumnLayout) viewer.getTable().getParent().getLayout()).setColumnData(column.getColumn(),
                new ColumnWeightData(weight, minimum, true));
        return column;
    }

    private static ColumnLabelProvider text(Function<Object, String> text) {
        return new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }
        };
    }

    private static Text field(Composite parent, String label, String value) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER);
        text.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        return text;
    }

    private static Button push(Composite parent, String label, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }

    /** Name and description cells write a changed copy of the item back into the list. */
    private final class ItemEditing extends EditingSupport {
        private final TextCellEditor editor;
        private final Function<UploadItem, String> get;
        private final java.util.function.BiFunction<UploadItem, String, UploadItem> set;

        ItemEditing(TableViewer viewer, Function<UploadItem, String> get,
                java.util.function.BiFunction<UploadItem, String, UploadItem> set) {
            super(viewer);
            this.editor = new TextCellEditor(viewer.getTable());
            this.get = get;
            this.set = set;
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            return editor;
        }

        @Override
        protected boolean canEdit(Object element) {
            return job == null;
        }

        @Override
        protected Object getValue(Object element) {
            return get.apply((UploadItem) element);
        }

        @Override
        protected void setValue(Object element, Object value) {
            int index = items.indexOf(element);
            if (index >= 0) {
                items.set(index, set.apply((UploadItem) element, String.valueOf(value)));
                filesViewer.refresh();
                updateState();
            }
        }
    }

    private IContentProposal[] proposeTags(String contents, int position) {
        String before = contents.substring(0, position);
        String typed = TagRules.normalize(before.substring(before.lastIndexOf(',') + 1));
        List<String> already = TagRules.split(contents);
        return existingTags.stream()
                .filter(tag -> tag.startsWith(typed) && !already.contains(tag))
                .map(tag -> new ContentProposal(tag.substring(typed.length()), tag, null))
                .toArray(IContentProposal[]::new);
    }

    private void loadExistingTags() {
        GalleristSession session = sessions.session().orElse(null);
        if (session == null) {
            existingTagsLabel.setText("");
            return;
        }
        var display = getShell().getDisplay();
        Job.create("Loading tags", monitor -> {
            String shown;
            List<String> tags = List.of();
            try {
                List<TagCount> counts = session.images().tags();
                tags = counts.stream().map(TagCount::tag).toList();
                shown = counts.isEmpty() ? "No tags in use yet: new ones are welcome."
                        : "In use: " + counts.stream().limit(30).map(count -> count.tag() + " (" + count.count() + ")")
                                .collect(Collectors.joining(", ")) + (counts.size() > 30 ? ", \u2026" : "")
                                + "  \u2014 type to complete (Ctrl+Space)";
            } catch (GalleristException e) {
                shown = "Could not load the tags in use: " + ErrorMessages.readable(e);
            }
            List<String> loaded = tags;
            String text = shown;
            display.asyncExec(() -> {
                if (!existingTagsLabel.isDisposed()) {
                    existingTags = loaded;
                    existingTagsLabel.setText(text);
                    existingTagsLabel.getParent().layout(true, true);
                }
            });
            return Status.OK_STATUS;
        }).schedule();
    }

    /** The theme's error colour; outside a themed workbench JFace has none, so a dark red. */
    private Color errorColor() {
        Color color = JFaceResources.getColorRegistry().get(JFacePreferences.ERROR_COLOR);
        return color != null ? color : getShell().getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
    }

    private void chooseFiles() {
        FileDialog chooser = new FileDialog(getShell(), SWT.OPEN | SWT.MULTI);
        chooser.setText("Choose Images to Upload");
        chooser.setFilterExtensions(IMAGE_FILTERS);
        chooser.setFilterNames(new String[] { "Images", "All files" });
        if (chooser.open() != null) {
            for (String name : chooser.getFileNames()) {
                addFile(Path.of(chooser.getFilterPath(), name));
            }
            filesViewer.refresh();
            updateState();
        }
    }

    /** Adds a file unless it is already listed. */
    public void addFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (items.stream().noneMatch(item -> item.file().equals(absolute))) {
            items.add(UploadItem.of(absolute));
        }
    }

    private void removeSelectedFiles() {
        items.removeAll(filesViewer.getStructuredSelection().toList());
        filesViewer.refresh();
        updateState();
    }

    /** The plan as the fields say it now. */
    public UploadPlan plan() {
        return new UploadPlan(items, TagRules.split(tagsText.getText()), priceText.getText(), quantityText.getText(),
                privateButton.getSelection() ? Visibility.PRIVATE : Visibility.PUBLIC);
    }

    private void updateState() {
        if (priceText == null || getButton(IDialogConstants.OK_ID) == null) {
            return;
        }
        boolean running = job != null && !done;
        Optional<String> problem = plan().check();
        if (!running && !done) {
            setErrorMessage(items.isEmpty() ? null : problem.orElse(null));
            setMessage(items.isEmpty() ? "Choose the images to upload with Add Files\u2026 (or drop them on the gallery)."
                    : "Name each file, then say what they all share. Click a name or description to change it.");
        }
        getButton(IDialogConstants.OK_ID).setEnabled(job == null && problem.isEmpty());
        boolean editable = job == null;
        for (Control control : List.of(addFilesButton, tagsText, priceText, quantityText, publicButton,
                privateButton)) {
            control.setEnabled(editable);
        }
        removeFilesButton.setEnabled(editable && !filesViewer.getStructuredSelection().isEmpty());
        addSuggestedButton.setEnabled(done && results.stream().anyMatch(result -> !result.newSuggestedTags()
                .isEmpty()));
    }

    /** Upload: starts the job; the dialog stays open to show the results. */
    @Override
    protected void okPressed() {
        UploadPlan plan = plan();
        Optional<String> problem = plan.check();
        GalleristSession session = sessions.session().orElse(null);
        if (problem.isPresent() || session == null) {
            setErrorMessage(problem.orElse("Not connected to a server."));
            return;
        }
        setErrorMessage(null);
        results.clear();
        resultsViewer.refresh();
        int count = plan.items().size();
        progressBar.setMaximum(count);
        progressBar.setSelection(0);
        progressLabel.setText("Starting\u2026");
        var display = getShell().getDisplay();
        job = Job.create("Uploading " + count + (count == 1 ? " image" : " images"), (IProgressMonitor monitor) -> {
            monitor.beginTask("Uploading", count);
            List<FileResult> all = new UploadRun(session.images()).run(plan, new UploadRun.Progress() {
                @Override
                public boolean cancelled() {
                    return monitor.isCanceled();
                }

                @Override
                public void starting(int index, UploadItem item) {
                    monitor.subTask(item.name());
                    display.asyncExec(() -> showProgress("Uploading " + (index + 1) + " of " + count + ": "
                            + item.name()));
                }

                @Override
                public void finished(int index, FileResult result) {
                    monitor.worked(1);
                    display.asyncExec(() -> {
                        if (!resultsViewer.getTable().isDisposed()) {
                            results.add(result);
                            resultsViewer.add(result);
                            progressBar.setSelection(index + 1);
                        }
                    });
                }
            });
            monitor.done();
            display.asyncExec(() -> finish(all));
            return Status.OK_STATUS;
        });
        getButton(IDialogConstants.CANCEL_ID).setText("&Stop");
        updateState();
        job.schedule();
    }

    private void showProgress(String text) {
        if (!progressLabel.isDisposed()) {
            progressLabel.setText(text);
        }
    }

    private void finish(List<FileResult> all) {
        done = true;
        List<Long> uploaded = all.stream().filter(FileResult::uploaded).map(result -> result.image().id()).toList();
        long failed = all.stream().filter(result -> result.status() == FileResult.Status.FAILED).count();
        long cancelled = all.stream().filter(result -> result.status() == FileResult.Status.CANCELLED).count();
        long similar = all.stream().filter(FileResult::hasNearDuplicates).count();
        if (!uploaded.isEmpty() && events != null) {
            events.post(ClientTopics.IMAGES_CHANGED, uploaded);
        }
        if (progressLabel.isDisposed()) {
            return;
        }
        loadExistingTags();
        progressLabel.setText("Uploaded " + uploaded.size() + " of " + all.size() + "."
                + (failed > 0 ? " " + failed + " failed." : "") + (cancelled > 0 ? " " + cancelled + " not sent." : ""));
        if (failed > 0) {
            setErrorMessage("Some files were not uploaded: see why in the results.");
        } else if (similar > 0) {
            setMessage(similar + (similar == 1 ? " image looks" : " images look")
                    + " like one already stored: see the results.", IMessageProvider.WARNING);
        } else {
            setMessage("Done. The images are in the gallery.");
        }
        getButton(IDialogConstants.CANCEL_ID).setText(IDialogConstants.CLOSE_LABEL);
        getButton(IDialogConstants.CANCEL_ID).setEnabled(true);
        updateState();
    }

    private void addSuggestedTags() {
        List<?> selected = resultsViewer.getStructuredSelection().toList();
        List<FileResult> targets = results.stream()
                .filter(result -> selected.isEmpty() || selected.contains(result))
                .filter(result -> !result.newSuggestedTags().isEmpty())
                .toList();
        GalleristSession session = sessions.session().orElse(null);
        if (targets.isEmpty() || session == null) {
            return;
        }
        addSuggestedButton.setEnabled(false);
        var display = getShell().getDisplay();
        Job.create("Adding suggested tags", monitor -> {
            UploadRun run = new UploadRun(session.images());
            Map<FileResult, FileResult> changed = new LinkedHashMap<>();
            String problem = null;
            for (FileResult target : targets) {
                try {
                    Image tagged = run.addTags(target.image(), target.newSuggestedTags());
                    changed.put(target, new FileResult(target.file(), target.status(), new Upload(tagged,
                            target.upload().nearDuplicates(), target.upload().suggestedTags()), target.message()));
                } catch (GalleristException e) {
                    problem = ErrorMessages.readable(e);
                }
            }
            String failure = problem;
            display.asyncExec(() -> {
                if (resultsViewer.getTable().isDisposed()) {
                    return;
                }
                changed.forEach((before, after) -> {
                    int index = results.indexOf(before);
                    if (index >= 0) {
                        results.set(index, after);
                    }
                });
                resultsViewer.refresh();
                if (failure != null) {
                    setErrorMessage(failure);
                } else {
                    setMessage("Added the suggested tags to " + changed.size()
                            + (changed.size() == 1 ? " image." : " images."));
                }
                updateState();
                if (events != null && !changed.isEmpty()) {
                    events.post(ClientTopics.IMAGES_CHANGED, changed.values().stream().map(result -> result.image().id()).toList());
                }
            });
            return Status.OK_STATUS;
        }).schedule();
    }

    /** Cancel before the upload, Stop (between files) while it runs, Close after. */
    @Override
    protected void cancelPressed() {
        if (job != null && !done) {
            job.cancel();
            showProgress("Stopping after the current file\u2026");
            getButton(IDialogConstants.CANCEL_ID).setEnabled(false);
            return;
        }
        super.cancelPressed();
    }

    @Override
    protected void handleShellCloseEvent() {
        if (job != null && !done) {
            cancelPressed();
            return;
        }
        super.handleShellCloseEvent();
    }

    public Button uploadButton() {
        return getButton(IDialogConstants.OK_ID);
    }

    public Button cancelButton() {
        return getButton(IDialogConstants.CANCEL_ID);
    }

    public boolean isDone() {
        return done;
    }

    public List<FileResult> results() {
        return List.copyOf(results);
    }

    public TableViewer filesViewer() {
        return filesViewer;
    }

    public TableViewer resultsViewer() {
        return resultsViewer;
    }

    public Text tagsText() {
        return tagsText;
    }

    public Text priceText() {
        return priceText;
    }

    public Text quantityText() {
        return quantityText;
    }

    public Button privateButton() {
        return privateButton;
    }

    public Button addSuggestedButton() {
        return addSuggestedButton;
    }

    public Label progressLabel() {
        return progressLabel;
    }

    /** Sets a file's name and description as the cells would. */
    public void describe(int index, String name, String description) {
        items.set(index, items.get(index).withName(name).withDescription(description));
        filesViewer.refresh();
        updateState();
    }
}
