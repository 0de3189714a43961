package org.gallerist.client.ui.admin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.admin.ServerSummary;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.widgets.ResizableTitleDialog;
import org.gallerist.client.ui.widgets.Widgets;

/**
 * For admins: the accounts (disable, enable, promote, demote), the tags (rename or merge, delete), and what the
 * server reports about itself. Every request runs in a job; the server checks the caller's role again.
 */
public class AdminDialog extends ResizableTitleDialog {
    /** The widgets this dialog names under {@link Widgets#KEY}, for tests and tools that look for them. */
    public enum WidgetName {
        TABS, USERS, TAGS, SERVER
    }

    private final SessionModel sessions;
    private Background background;
    private UsersTab users;
    private TagsTab tags;
    private Composite server;

    public AdminDialog(Shell parent, SessionModel sessions) {
        super(parent, "Administration", new Point(860, 560));
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Administration");
        setMessage("Accounts, tags and the server's state. Changes apply at once for everyone.");
        background = new Background(sessions, getShell());
        TabFolder tabs = Widgets.name(new TabFolder(area, SWT.TOP), WidgetName.TABS);
        GridDataFactory.fillDefaults().grab(true, true).indent(8, 8).applyTo(tabs);
        users = new UsersTab(tab(tabs, "&Accounts"), sessions, background, this::tell);
        tags = new TagsTab(tab(tabs, "&Tags"), background, this::tell);
        server = tab(tabs, "&Server");
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).spacing(16, 6).applyTo(server);
        Widgets.name(server, WidgetName.SERVER);
        tabs.addListener(SWT.Selection, event -> {
            if (tabs.getSelectionIndex() == 2) {
                loadServer();
            }
        });
        users.reload(null);
        tags.reload(null);
        return area;
    }

    private static Composite tab(TabFolder tabs, String title) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(title);
        Composite page = new Composite(tabs, SWT.NONE);
        item.setControl(page);
        return page;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    /** Fills the Server page; called when it is chosen. */
    public void loadServer() {
        String where = sessions.state().summary();
        background.run("Asking the server about itself", session -> ServerSummary.facts(
                session.images().similarityStatus(), session.admin().users(), where, session.serverFacts(),
                Instant.now()), this::showServer, error -> tell(error, null));
    }

    private void showServer(List<ServerSummary.Fact> facts) {
        for (Control old : server.getChildren()) {
            old.dispose();
        }
        for (ServerSummary.Fact fact : facts) {
            new Label(server, SWT.NONE).setText(fact.label() + ":");
            Label value = new Label(server, SWT.WRAP);
            value.setText(fact.value());
            GridDataFactory.fillDefaults().grab(true, false).hint(520, SWT.DEFAULT).applyTo(value);
        }
        server.layout(true, true);
    }

    /** An error (when {@code error} is not null) or a sentence on what was done. */
    private void tell(Throwable error, String done) {
        if (getShell() == null || getShell().isDisposed()) {
            return;
        }
        if (error != null) {
            setErrorMessage(ErrorMessages.readable(error));
        } else {
            setErrorMessage(null);
            setMessage(done);
        }
    }

    /** The Accounts page, for tests. */
    public UsersTab users() {
        return users;
    }

    /** The Tags page, for tests. */
    public TagsTab tags() {
        return tags;
    }
}
