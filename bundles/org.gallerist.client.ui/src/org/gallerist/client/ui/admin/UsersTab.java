package org.gallerist.client.ui.admin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.gallerist.api.User;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.admin.AccountAction;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.widgets.Tables;
import org.gallerist.client.ui.widgets.Widgets;

/** The Admin dialog's Accounts page: every account, and what an admin may do to the one chosen. */
public final class UsersTab {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.systemDefault());

    private final SessionModel sessions;
    private final Background background;
    private final Reporter reporter;
    private final TableViewer table;
    private final Map<AccountAction, Button> buttons = new EnumMap<>(AccountAction.class);
    private List<User> users = List.of();
    private boolean loading;

    UsersTab(Composite page, SessionModel sessions, Background background, Reporter reporter) {
        this.sessions = sessions;
        this.background = background;
        this.reporter = reporter;
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(page);
        table = Tables.create(page, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Widgets.name(table.getTable(), AdminDialog.WidgetName.USERS);
        GridDataFactory.fillDefaults().grab(true, true).hint(520, 240).applyTo(table.getTable().getParent());
        Tables.column(table, "Account", 35, 140, SWT.LEFT, Tables.text(User.class, User::name));
        Tables.column(table, "Role", 20, 80, SWT.LEFT, Tables.text(User.class, user -> user.role().name()
                .toLowerCase(Locale.ROOT)));
        Tables.column(table, "Status", 20, 80, SWT.LEFT, Tables.text(User.class, AccountAction::status));
        Tables.column(table, "Since", 25, 100, SWT.LEFT, Tables.text(User.class, user -> CREATED.format(
                user.created())));
        table.addSelectionChangedListener(event -> enableButtons());
        Composite column = new Composite(page, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(column);
        GridLayoutFactory.fillDefaults().applyTo(column);
        for (AccountAction action : AccountAction.values()) {
            Button button = Widgets.button(column, action.label(), () -> confirmAndApply(action));
            GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
            buttons.put(action, button);
        }
        enableButtons();
    }

    private User selected() {
        return ((IStructuredSelection) table.getSelection()).getFirstElement() instanceof User user ? user : null;
    }

    private void enableButtons() {
        Set<AccountAction> allowed = loading ? Set.of() : AccountAction.allowed(sessions.state().user(), selected());
        buttons.forEach((action, button) -> {
            if (!button.isDisposed()) {
                button.setEnabled(allowed.contains(action));
            }
        });
    }

    void reload(String done) {
        loading = true;
        enableButtons();
        background.run("Listing the accounts", session -> session.admin().users(), loaded -> {
            loading = false;
            users = loaded;
            table.setInput(loaded);
            enableButtons();
            if (done != null) {
                reporter.done(done);
            }
        }, error -> {
            loading = false;
            enableButtons();
            reporter.failed(error);
        });
    }

    private void confirmAndApply(AccountAction action) {
        User account = selected();
        if (account == null) {
            return;
        }
        if (action == AccountAction.DISABLE && !MessageDialog.openConfirm(table.getTable().getShell(),
                "Disable account", "Disable " + account.name() + "? They can no longer log in, and their open"
                        + " sessions stop working. Their images and orders stay.")) {
            return;
        }
        if (action == AccountAction.RESET_PASSWORD) {
            if (MessageDialog.openConfirm(table.getTable().getShell(), "Reset password", "Reset the password of "
                    + account.name() + "? Their password stops working now, and you get a one-time token to give"
                    + " them; with it they log in and choose a new password.")) {
                resetPassword(account.name());
            }
            return;
        }
        apply(action, account.name());
    }

    /** Resets the account's password and shows the token, the only time it can be seen. */
    public void resetPassword(String username) {
        loading = true;
        enableButtons();
        background.run("Resetting the password of " + username, session -> session.admin().resetPassword(username),
                reset -> {
                    reload(null);
                    new ResetTokenDialog(table.getTable().getShell(), reset).open();
                    reporter.done("The password of " + reset.user() + " is reset; the token works for 24 hours.");
                }, error -> {
                    loading = false;
                    enableButtons();
                    reporter.failed(error);
                });
    }

    /** Applies {@code action} to the account, then reloads the list. */
    public void apply(AccountAction action, String username) {
        loading = true;
        enableButtons();
        background.run(action.label().replace("&", "") + ": " + username, session -> send(session, action, username),
                changed -> reload(outcome(action, changed)), error -> {
                    loading = false;
                    enableButtons();
                    reporter.failed(error);
                });
    }

    private static String outcome(AccountAction action, User changed) {
        return switch (action) {
        case PROMOTE, DEMOTE -> changed.name() + " is now " + (changed.isAdmin() ? "an admin." : "a user.");
        case DISABLE -> changed.name() + " is disabled and can no longer log in.";
        case ENABLE -> changed.name() + " may log in again.";
        case RESET_PASSWORD -> throw new IllegalArgumentException("a reset answers with a token, not an account");
        };
    }

    private static User send(GalleristSession session, AccountAction action, String username) {
        return switch (action) {
        case PROMOTE -> session.admin().promote(username);
        case DEMOTE -> session.admin().demote(username);
        case DISABLE -> session.admin().setDisabled(username, true);
        case ENABLE -> session.admin().setDisabled(username, false);
        case RESET_PASSWORD -> throw new IllegalArgumentException("a reset answers with a token, not an account");
        };
    }

    /** What the table shows. */
    public List<User> users() {
        return users;
    }

    public boolean isLoading() {
        return loading;
    }

    /** Chooses the account's row, as a click would. */
    public void select(String username) {
        users.stream().filter(user -> user.name().equals(username)).findFirst().ifPresent(user -> table
                .setSelection(new StructuredSelection(user), true));
        enableButtons();
    }

    public boolean isOffered(AccountAction action) {
        return buttons.get(action).isEnabled();
    }
}
