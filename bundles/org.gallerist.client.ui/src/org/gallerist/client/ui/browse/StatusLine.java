package org.gallerist.client.ui.browse;

import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.client.SessionState;
import org.gallerist.client.core.ConnectionState;
import org.gallerist.client.core.ConnectionStatus;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.widgets.Widgets;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The window's bottom line: who is connected where, whether the connection is being restored, and a link to log out
 * or switch to another server. Follows the session's own state listener, so a drop shows while it happens.
 */
public class StatusLine {
    /** The application's log-out command: its handler asks for a new login, which may be another server. */
    public static final String LOG_OUT_COMMAND = "org.gallerist.client.app.command.logout";

    private final SessionModel sessions;
    private final PartServices workbench;
    private final Consumer<SessionState> stateListener = state -> this.background.onUiThread(this::show);

    private Label stateLabel;
    private Background background;
    private Link logOutLink;
    private GalleristSession watched;
    private Runnable stopListening = () -> { };

    /** Outside a workbench: there is no command to log out with. */
    public StatusLine(SessionModel sessions) {
        this(sessions, new PartServices());
    }

    @Inject
    public StatusLine(SessionModel sessions, PartServices workbench) {
        this.sessions = sessions;
        this.workbench = workbench;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        // the workbench takes the last child of the trim bar as this tool control
        Composite line = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(8, 3).spacing(16, 0).applyTo(line);
        stateLabel = new Label(line, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).hint(520, SWT.DEFAULT).applyTo(stateLabel);
        logOutLink = new Link(line, SWT.NONE);
        logOutLink.setText("<a>Log out / switch server\u2026</a>");
        logOutLink.addListener(SWT.Selection, event -> workbench.commands().execute(LOG_OUT_COMMAND, Map.of()));
        background = new Background(sessions, stateLabel);
        stopListening = sessions.addListener(state -> background.onUiThread(this::show));
        show();
    }

    /** Follows the current session's state (the session changes after logging in again). */
    private void show() {
        GalleristSession current = sessions.session().orElse(null);
        if (current != watched) {
            if (watched != null) {
                watched.removeStateListener(stateListener);
            }
            watched = current;
            if (current != null) {
                current.addStateListener(stateListener);
            }
        }
        ConnectionState who = sessions.state();
        SessionState how = current == null ? SessionState.CLOSED : current.state();
        stateLabel.setText(ConnectionStatus.text(who, how));
        Widgets.markError(stateLabel, ConnectionStatus.isTrouble(how));
        logOutLink.setEnabled(workbench.commands().canExecute(LOG_OUT_COMMAND, Map.of()));
        stateLabel.getParent().layout();
    }

    public String text() {
        return stateLabel.getText();
    }

    @PreDestroy
    public void dispose() {
        stopListening.run();
        if (watched != null) {
            watched.removeStateListener(stateListener);
        }
    }
}
