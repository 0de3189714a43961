package org.gallerist.client.ui.upload;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.jface.fieldassist.ContentProposal;
import org.eclipse.jface.fieldassist.ContentProposalAdapter;
import org.eclipse.jface.fieldassist.IContentProposal;
import org.eclipse.jface.fieldassist.TextContentAdapter;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.upload.SharedFields;
import org.gallerist.client.core.upload.UploadForm;
import org.gallerist.client.core.upload.UploadItem;
import org.gallerist.client.ui.widgets.Tables;
import org.gallerist.client.ui.widgets.TextCellEditing;
import org.gallerist.client.ui.widgets.Widgets;

/**
 * The upper half of the upload dialog: the files with a name and description each (edited in their cells), and what
 * they all share. Everything typed goes straight into the {@link UploadForm}.
 */
final class UploadFields {
    private static final String[] IMAGE_FILTERS = { "*.jpg;*.jpeg;*.png;*.gif;*.bmp;*.webp;*.tif;*.tiff", "*" };
    private static final char[] COMPLETION_TRIGGERS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private final UploadForm form;
    private TableViewer filesViewer;
    private Button addFilesButton;
    private Button removeFilesButton;
    private Text tagsText;
    private Label tagsInUseLabel;
    private Text priceText;
    private Text quantityText;
    private Button publicButton;
    private Button privateButton;

    UploadFields(Composite parent, UploadForm form) {
        this.form = form;
        createFilesGroup(parent);
        createSharedGroup(parent);
    }

    static Group group(Composite parent, String title, int columns, boolean grabVertically) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        GridDataFactory.fillDefaults().grab(true, grabVertically).applyTo(group);
        GridLayoutFactory.swtDefaults().numColumns(columns).applyTo(group);
        return group;
    }

    static TableViewer table(Composite parent, UploadDialog.WidgetName name) {
        TableViewer viewer = Tables.create(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).hint(600, 150).applyTo(viewer.getTable().getParent());
        Widgets.name(viewer.getTable(), name);
        return viewer;
    }

    static Button button(Composite parent, String label, Runnable action) {
        Button button = Widgets.button(parent, label, action);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
        return button;
    }

    private void createFilesGroup(Composite parent) {
        Group group = group(parent, "Files", 2, true);
        filesViewer = table(group, UploadDialog.WidgetName.FILES);
        Tables.column(filesViewer, "File", 30, 120, SWT.LEFT,
                Tables.text(UploadItem.class, item -> item.file().getFileName().toString()));
        TableViewerColumn name = Tables.column(filesViewer, "Name", 35, 140, SWT.LEFT,
                Tables.text(UploadItem.class, UploadItem::name));
        name.setEditingSupport(cell(UploadItem::name, UploadItem::withName));
        TableViewerColumn description = Tables.column(filesViewer, "Description", 35, 140, SWT.LEFT,
                Tables.text(UploadItem.class, UploadItem::description));
        description.setEditingSupport(cell(UploadItem::description, UploadItem::withDescription));
        filesViewer.setInput(form.items());
        Composite buttons = new Composite(group, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        addFilesButton = button(buttons, "&Add Files\u2026", this::chooseFiles);
        removeFilesButton = button(buttons, "&Remove", () -> form.remove(filesViewer.getStructuredSelection().toList()));
        filesViewer.addSelectionChangedListener(event -> show());
    }

    /** Name and description cells put a changed copy of the item into the form. */
    private TextCellEditing<UploadItem> cell(Function<UploadItem, String> value,
            BiFunction<UploadItem, String, UploadItem> change) {
        return new TextCellEditing<>(filesViewer, SWT.SINGLE, UploadItem.class, value,
                (item, typed) -> form.replace(item, change.apply(item, typed)), form::isEditable);
    }

    private void createSharedGroup(Composite parent) {
        Group group = group(parent, "For all of them", 2, false);
        new Label(group, SWT.NONE).setText("&Tags:");
        tagsText = text(group, SWT.BORDER, UploadDialog.WidgetName.TAGS, form.shared().tags());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(tagsText);
        tagsText.setMessage("comma-separated, e.g. space, night");
        tagsText.addModifyListener(event -> sharedEdited());
        new Label(group, SWT.NONE);
        tagsInUseLabel = new Label(group, SWT.WRAP);
        tagsInUseLabel.setText(form.tagsInUseText());
        GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(tagsInUseLabel);
        ContentProposalAdapter proposals = new ContentProposalAdapter(tagsText, new TextContentAdapter(),
                this::proposeTags, KeyStroke.getInstance(SWT.CTRL, ' '), COMPLETION_TRIGGERS);
        proposals.setProposalAcceptanceStyle(ContentProposalAdapter.PROPOSAL_INSERT);

        new Label(group, SWT.NONE).setText("&Price:");
        Composite row = new Composite(group, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).spacing(12, 0).applyTo(row);
        priceText = text(row, SWT.BORDER | SWT.RIGHT, UploadDialog.WidgetName.PRICE, form.shared().price());
        GridDataFactory.fillDefaults().hint(90, SWT.DEFAULT).applyTo(priceText);
        priceText.addModifyListener(event -> sharedEdited());
        new Label(row, SWT.NONE).setText("&Quantity:");
        quantityText = text(row, SWT.BORDER | SWT.RIGHT, UploadDialog.WidgetName.QUANTITY, form.shared().quantity());
        GridDataFactory.fillDefaults().hint(70, SWT.DEFAULT).applyTo(quantityText);
        quantityText.addModifyListener(event -> sharedEdited());
        publicButton = radio(row, "P&ublic: everyone logged in sees them",
                UploadDialog.WidgetName.PUBLIC, Visibility.PUBLIC);
        privateButton = radio(row, "Pri&vate: only you", UploadDialog.WidgetName.PRIVATE, Visibility.PRIVATE);
    }

    private static Text text(Composite parent, int style, UploadDialog.WidgetName name, String value) {
        Text text = new Text(parent, style);
        text.setText(value);
        Widgets.name(text, name);
        return text;
    }

    private Button radio(Composite parent, String label, UploadDialog.WidgetName name, Visibility visibility) {
        Button button = new Button(parent, SWT.RADIO);
        button.setText(label);
        Widgets.name(button, name);
        button.setSelection(form.shared().visibility() == visibility);
        button.addListener(SWT.Selection, event -> {
            if (button.getSelection()) {
                sharedEdited();
            }
        });
        return button;
    }

    /** Any of the shared fields changed: the form gets all of them as they are now. */
    private void sharedEdited() {
        Visibility visibility = privateButton != null && privateButton.getSelection() ? Visibility.PRIVATE
                : Visibility.PUBLIC;
        form.setShared(new SharedFields(tagsText.getText(), priceText.getText(), quantityText.getText(), visibility));
    }

    private IContentProposal[] proposeTags(String contents, int position) {
        return form.completions(contents, position).stream()
                .map(completion -> new ContentProposal(completion.rest(), completion.tag(), null))
                .toArray(IContentProposal[]::new);
    }

    private void chooseFiles() {
        FileDialog chooser = new FileDialog(filesViewer.getControl().getShell(), SWT.OPEN | SWT.MULTI);
        chooser.setText("Choose Images to Upload");
        chooser.setFilterExtensions(IMAGE_FILTERS);
        chooser.setFilterNames(new String[] { "Images", "All files" });
        if (chooser.open() != null) {
            form.addFiles(Arrays.stream(chooser.getFileNames()).map(name -> Path.of(chooser.getFilterPath(), name))
                    .toList());
        }
    }

    /** Shows what the form says now; the text fields are the form's own input and keep what was typed. */
    void show() {
        if (filesViewer.getTable().isDisposed()) {
            return;
        }
        List<UploadItem> items = form.items();
        if (!items.equals(filesViewer.getInput())) {
            filesViewer.setInput(items);
        }
        if (!tagsInUseLabel.getText().equals(form.tagsInUseText())) {
            tagsInUseLabel.setText(form.tagsInUseText());
            tagsInUseLabel.getParent().layout(true, true);
        }
        boolean editable = form.isEditable();
        for (Control control : List.of(addFilesButton, tagsText, priceText, quantityText, publicButton,
                privateButton)) {
            control.setEnabled(editable);
        }
        removeFilesButton.setEnabled(editable && !filesViewer.getStructuredSelection().isEmpty());
    }
}
