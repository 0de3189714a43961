package org.gallerist.client.ui.bulk;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageService;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.bulk.BulkEdit;
import org.gallerist.client.core.bulk.BulkResult;
import org.gallerist.client.core.bulk.BulkSelection;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.widgets.Tables;
import org.gallerist.client.ui.widgets.ResizableTitleDialog;
import org.gallerist.client.ui.widgets.Widgets;

/**
 * Changes several images at once: price, stock, tags added or removed, visibility, or deletes them all. The server
 * applies one request to all of them or to none; the dialog sends it in one job and shows a line per image. Only
 * the user's own images are sent; the others are listed as skipped.
 */
public class BulkEditDialog extends ResizableTitleDialog {
    /** The widgets this dialog names under {@link Widgets#KEY}, for tests and tools that look for them. */
    public enum WidgetName {
        PRICE, QUANTITY, ADD_TAGS, REMOVE_TAGS, UNCHANGED, PUBLIC, PRIVATE, PROGRESS, RESULTS
    }

    /** The button id of "Delete…", next to Apply and Close. */
    public static final int DELETE_ID = IDialogConstants.CLIENT_ID + 1;

    private final SessionModel sessions;
    private final BulkSelection selection;
    private final Consumer<List<Long>> changed;
    private Background background;
    private Text price;
    private Text quantity;
    private Text addTags;
    private Text removeTags;
    private Button unchanged;
    private Button makePublic;
    private ProgressBar progress;
    private TableViewer results;
    private boolean running;
    private boolean deleted;

    /** {@code changed} hears the ids of the images changed or deleted, to refresh what shows them. */
    public BulkEditDialog(Shell parent, SessionModel sessions, List<Image> selected, Consumer<List<Long>> changed) {
        super(parent, "Edit Images", new Point(760, 640));
        this.sessions = sessions;
        this.selection = BulkSelection.of(sessions.state().user(), selected);
        this.changed = changed;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Edit " + count(selection.mine().size() + selection.others().size()));
        setMessage(introduction());
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().margins(10, 6).applyTo(body);
        createChanges(body);
        createResults(body);
        background = new Background(sessions, getShell());
        return area;
    }

    private String introduction() {
        String text = "Blank fields stay as each image has them. The server changes all of them or none.";
        if (selection.mine().size() > ImageService.MAX_IDS_PER_REQUEST) {
            return "Choose at most " + ImageService.MAX_IDS_PER_REQUEST + " of your images at once.";
        }
        int others = selection.others().size();
        return others == 0 ? text : text + " " + count(others) + " of others will be skipped.";
    }

    private void createChanges(Composite parent) {
        Group group = group(parent, "Changes", 2, false);
        price = field(group, "&Price:", WidgetName.PRICE, "e.g. 4.50");
        quantity = field(group, "&Quantity in stock:", WidgetName.QUANTITY, "e.g. 10");
        addTags = field(group, "&Add tags:", WidgetName.ADD_TAGS, "comma-separated, kept with each image's others");
        removeTags = field(group, "&Remove tags:", WidgetName.REMOVE_TAGS, "comma-separated");
        new Label(group, SWT.NONE).setText("Visibility:");
        Composite visibility = new Composite(group, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(visibility);
        unchanged = radio(visibility, "&Unchanged", WidgetName.UNCHANGED);
        unchanged.setSelection(true);
        makePublic = radio(visibility, "P&ublic", WidgetName.PUBLIC);
        radio(visibility, "Pri&vate", WidgetName.PRIVATE);
    }

    private void createResults(Composite parent) {
        Group group = group(parent, "Results", 1, true);
        progress = Widgets.name(new ProgressBar(group, SWT.INDETERMINATE | SWT.HORIZONTAL), WidgetName.PROGRESS);
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(progress);
        progress.setVisible(false);
        results = Tables.create(group, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Widgets.name(results.getTable(), WidgetName.RESULTS);
        GridDataFactory.fillDefaults().grab(true, true).hint(600, 180).applyTo(results.getTable().getParent());
        Tables.column(results, "Image", 35, 140, SWT.LEFT,
                Tables.text(BulkResult.Line.class, line -> "#" + line.id() + " " + line.name()));
        Tables.column(results, "Result", 65, 240, SWT.LEFT, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((BulkResult.Line) element).outcome();
            }

            @Override
            public Color getForeground(Object element) {
                return ((BulkResult.Line) element).done() ? null : Widgets.errorColor(getShell().getDisplay());
            }
        });
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "A&pply", true);
        createButton(parent, DELETE_ID, "&Delete\u2026", false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CLOSE_LABEL, false);
        enableButtons();
    }

    private void enableButtons() {
        int mine = selection.mine().size();
        boolean sendable = !running && !deleted && mine > 0 && mine <= ImageService.MAX_IDS_PER_REQUEST;
        getButton(IDialogConstants.OK_ID).setEnabled(sendable);
        getButton(DELETE_ID).setEnabled(sendable);
        getButton(IDialogConstants.CANCEL_ID).setEnabled(!running);
    }

    /** Apply: checks the fields, then sends one request for all the user's images. */
    @Override
    protected void okPressed() {
        BulkEdit.Checked checked = edit().check();
        if (checked.problem().isPresent()) {
            setErrorMessage(checked.problem().get());
            return;
        }
        ImageChanges changes = checked.changes().orElseThrow();
        send(selection.updateJobName(), false, session -> selection.update(session, changes));
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == DELETE_ID) {
            deletePressed();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    private void deletePressed() {
        if (MessageDialog.openConfirm(getShell(), "Delete images", selection.deleteQuestion())) {
            send(selection.deleteJobName(), true, selection::delete);
        }
    }

    private void send(String name, boolean deleting, Function<GalleristSession, BulkResult> request) {
        setErrorMessage(null);
        running = true;
        showRunning(name);
        background.run(name, request, result -> finished(result, deleting),
                failure -> finished(selection.refused(failure), deleting));
    }

    private void finished(BulkResult result, boolean deleting) {
        running = false;
        progress.setVisible(false);
        ((GridData) progress.getLayoutData()).exclude = true;
        progress.getParent().layout(true);
        results.setInput(result.lines());
        if (result.applied()) {
            deleted = deleting;
            setMessage(result.summary());
            changed.accept(selection.ids());
        } else {
            setErrorMessage(result.summary());
        }
        enableButtons();
    }

    private void showRunning(String name) {
        setMessage(name + "\u2026");
        ((GridData) progress.getLayoutData()).exclude = false;
        progress.setVisible(true);
        progress.getParent().layout(true);
        enableButtons();
    }

    /** What the fields hold. */
    public BulkEdit edit() {
        Visibility visibility = unchanged.getSelection() ? null
                : makePublic.getSelection() ? Visibility.PUBLIC : Visibility.PRIVATE;
        return new BulkEdit(price.getText(), quantity.getText(), addTags.getText(), removeTags.getText(), visibility);
    }

    private static String count(int images) {
        return BulkSelection.count(images);
    }

    private static Group group(Composite parent, String title, int columns, boolean grabVertically) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        GridDataFactory.fillDefaults().grab(true, grabVertically).applyTo(group);
        GridLayoutFactory.swtDefaults().numColumns(columns).applyTo(group);
        return group;
    }

    private static Text field(Composite parent, String label, WidgetName name, String hint) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = Widgets.name(new Text(parent, SWT.BORDER | SWT.SINGLE), name);
        text.setMessage(hint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        return text;
    }

    private static Button radio(Composite parent, String label, WidgetName name) {
        Button button = Widgets.name(new Button(parent, SWT.RADIO), name);
        button.setText(label);
        return button;
    }
}
