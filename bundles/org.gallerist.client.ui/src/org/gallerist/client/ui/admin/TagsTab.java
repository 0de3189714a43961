package org.gallerist.client.ui.admin;

import java.util.List;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.gallerist.api.image.TagCount;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.widgets.Tables;
import org.gallerist.client.ui.widgets.Widgets;

/**
 * The Admin dialog's Tags page: every tag with its images; renaming one to a tag that exists merges the two, and
 * deleting one takes it off every image (the images stay).
 */
public final class TagsTab {
    private final Background background;
    private final Reporter reporter;
    private final TableViewer table;
    private final Button rename;
    private final Button delete;
    private List<TagCount> tags = List.of();
    private boolean loading;

    TagsTab(Composite page, Background background, Reporter reporter) {
        this.background = background;
        this.reporter = reporter;
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(page);
        table = Tables.create(page, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Widgets.name(table.getTable(), AdminDialog.WidgetName.TAGS);
        GridDataFactory.fillDefaults().grab(true, true).hint(520, 240).applyTo(table.getTable().getParent());
        Tables.column(table, "Tag", 70, 200, SWT.LEFT, Tables.text(TagCount.class, TagCount::tag));
        Tables.column(table, "Images", 30, 80, SWT.RIGHT, Tables.text(TagCount.class, tag -> Long.toString(
                tag.count())));
        table.addSelectionChangedListener(event -> enableButtons());
        Composite column = new Composite(page, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(column);
        GridLayoutFactory.fillDefaults().applyTo(column);
        rename = Widgets.button(column, "&Rename or Merge\u2026", this::askRename);
        delete = Widgets.button(column, "De&lete\u2026", this::confirmDelete);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(rename);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(delete);
        enableButtons();
    }

    private TagCount selected() {
        return ((IStructuredSelection) table.getSelection()).getFirstElement() instanceof TagCount tag ? tag : null;
    }

    private void enableButtons() {
        boolean chosen = !loading && selected() != null;
        rename.setEnabled(chosen);
        delete.setEnabled(chosen);
    }

    void reload(String done) {
        loading = true;
        enableButtons();
        background.run("Listing the tags", session -> session.images().tags(), loaded -> {
            loading = false;
            tags = loaded;
            table.setInput(loaded);
            enableButtons();
            if (done != null) {
                reporter.done(done);
            }
        }, this::failed);
    }

    private void failed(Throwable error) {
        loading = false;
        enableButtons();
        reporter.failed(error);
    }

    private void askRename() {
        TagCount tag = selected();
        if (tag == null) {
            return;
        }
        InputDialog dialog = new InputDialog(table.getTable().getShell(), "Rename tag", "New name for \"" + tag.tag()
                + "\" on its " + tag.count() + " images (a tag that exists already merges the two):", tag.tag(),
                text -> text == null || text.isBlank() ? "Enter the new name." : null);
        if (dialog.open() == Window.OK && !dialog.getValue().strip().equals(tag.tag())) {
            rename(tag.tag(), dialog.getValue().strip());
        }
    }

    /** Renames (or merges) on the server, then reloads. */
    public void rename(String from, String to) {
        boolean merging = tags.stream().anyMatch(tag -> tag.tag().equals(to));
        loading = true;
        enableButtons();
        background.run("Renaming the tag " + from, session -> {
            session.images().renameTag(from, to);
            return to;
        }, renamed -> reload((merging ? "Merged \"" + from + "\" into \"" : "Renamed \"" + from + "\" to \"")
                + renamed + "\"."), this::failed);
    }

    private void confirmDelete() {
        TagCount tag = selected();
        if (tag != null && MessageDialog.openConfirm(table.getTable().getShell(), "Delete tag", "Take the tag \""
                + tag.tag() + "\" off its " + tag.count() + " images? The images stay.")) {
            delete(tag.tag());
        }
    }

    public void delete(String name) {
        loading = true;
        enableButtons();
        background.run("Deleting the tag " + name, session -> {
            session.images().deleteTag(name);
            return name;
        }, deleted -> reload("Deleted the tag \"" + deleted + "\"."), this::failed);
    }

    /** What the table shows. */
    public List<TagCount> tags() {
        return tags;
    }

    public boolean isLoading() {
        return loading;
    }
}
