package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.client.core.Connection;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.ui.browse.StatusLine;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The status line follows the session while the server goes away and comes back on the same port. */
class StatusLineUiTest {
    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().onFixedPort();

    private final SessionModel model = new SessionModel();
    private Shell shell;

    @AfterEach
    void tearDown() throws Exception {
        if (shell != null) {
            shell.dispose();
        }
        model.close();
    }

    @Test
    void showsTheReconnectAndThenTheConnectionAgain() throws Exception {
        UiTestSupport.requireDisplay();
        Display display = Display.getDefault();
        GalleristSession session = server.signedUp("alice");
        model.open(new Connection(session, session.whoami()));

        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        Composite trim = new Composite(shell, SWT.NONE);
        trim.setLayout(new FillLayout());
        StatusLine status = new StatusLine(model);
        status.createControls(trim);
        shell.setBounds(0, 0, 900, 90);
        shell.open();
        UiTestSupport.spinUntil(display, () -> status.text().startsWith("Connected as alice"), 10_000, "connected");

        int port = server.address().port();
        server.stop();
        UiTestSupport.spinUntil(display, () -> status.text().startsWith("Connection lost")
                || status.text().startsWith("Disconnected"), 60_000, "the drop in the status line");
        UiTestSupport.screenshot(shell, "17-status-reconnecting");
        assertTrue(status.text().contains("127.0.0.1:" + port), status.text());

        server.startAgain();
        session.whoami(); // a request makes a session that gave up try again; one still reconnecting just waits
        UiTestSupport.spinUntil(display, () -> status.text().startsWith("Connected as alice"), 60_000,
                "connected again");
    }
}
