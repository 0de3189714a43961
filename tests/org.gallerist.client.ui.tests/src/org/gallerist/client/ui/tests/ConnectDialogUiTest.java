package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.dialogs.IDialogConstants;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.gallerist.api.Role;
import org.gallerist.api.client.HostKeyTrust;
import org.gallerist.client.core.Connection;
import org.gallerist.client.core.ConnectionSettings;
import org.gallerist.client.core.LoginMethod;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.ui.ConnectDialog;
import org.gallerist.client.ui.browse.StatusLine;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.gallerist.tests.harness.OpenSsh;
import org.gallerist.tests.harness.Processes;
import org.gallerist.tests.harness.SshAgentProcess;
import org.gallerist.tests.harness.SshKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The connect dialog and the status line in real windows, against the real server bundles. */
class ConnectDialogUiTest {

    private static final long NETWORK_TIMEOUT_MS = 60_000;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh();

    private Display display;

    @BeforeEach
    void setUp() throws Exception {
        UiTestSupport.requireDisplay();
        display = Display.getDefault();
    }

    private ConnectDialog openDialog(HostKeyTrust trust) {
        ConnectionSettings settings = new ConnectionSettings("127.0.0.1", server.address().port(), "");
        ConnectDialog dialog = new ConnectDialog(null, server.client(), server.knownHosts(), trust, settings);
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }

    private static <T extends Control> T widget(ConnectDialog dialog, Class<T> type, ConnectDialog.WidgetName name) {
        return UiTestSupport.widget(dialog.getShell(), type, name);
    }

    private static void press(org.eclipse.swt.widgets.Button button) {
        button.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void createsAnAccountConfirmsTheHostKeyAndShowsWhoIsLoggedIn() throws Exception {
        AtomicReference<String> confirmedFingerprint = new AtomicReference<>();
        ConnectDialog dialog = openDialog((host, port, type, fingerprint) -> {
            confirmedFingerprint.set(fingerprint);
            return true;
        });
        widget(dialog, Text.class, ConnectDialog.WidgetName.USER).setText("alice");
        widget(dialog, Text.class, ConnectDialog.WidgetName.PASSWORD).setText("correct horse");
        UiTestSupport.screenshot(dialog.getShell(), "01-connect-dialog");

        press(UiTestSupport.dialogButton(dialog.getShell(), ConnectDialog.CREATE_ACCOUNT_ID));
        UiTestSupport.spinUntil(display, () -> dialog.connection().isPresent(), NETWORK_TIMEOUT_MS, "the account");

        Connection connection = dialog.connection().orElseThrow();
        assertEquals("alice", connection.user().name());
        assertEquals(Role.USER, connection.user().role(), "no sign-up makes an admin");
        assertEquals(server.hostKeyFingerprint(), confirmedFingerprint.get());
        assertTrue(Files.readString(server.knownHosts()).contains("[127.0.0.1]:" + server.address().port()));
        assertEquals("alice", connection.session().whoami().name(), "the session is live");

        SessionModel model = new SessionModel();
        model.open(connection);
        Shell window = new Shell(display);
        window.setText(model.state().windowTitle());
        window.setLayout(new FillLayout());
        Composite partArea = new Composite(window, SWT.NONE);
        partArea.setLayout(new FillLayout()); // the trim bar lays out its tool controls like this
        StatusLine statusLine = new StatusLine(model);
        statusLine.createControls(partArea);
        window.setSize(900, 120);
        window.open();
        try {
            UiTestSupport.screenshot(window, "02-logged-in");
            assertEquals("Connected as alice to 127.0.0.1:" + server.address().port(), statusLine.text());
            assertTrue(window.getText().startsWith("Gallerist"), window.getText());
        } finally {
            statusLine.dispose();
            window.dispose();
            model.close();
        }
    }

    @Test
    void aWrongPasswordIsExplainedInTheDialogWhichStaysOpen() throws Exception {
        server.signUp("bob");
        ConnectDialog dialog = openDialog(HostKeyTrust.REFUSE_UNKNOWN);
        try {
            widget(dialog, Text.class, ConnectDialog.WidgetName.USER).setText("bob");
            widget(dialog, Text.class, ConnectDialog.WidgetName.PASSWORD).setText("not the password");
            press(UiTestSupport.dialogButton(dialog.getShell(), IDialogConstants.OK_ID));
            Label messageLabel = widget(dialog, Label.class, ConnectDialog.WidgetName.MESSAGE);
            UiTestSupport.spinUntil(display, () -> !dialog.isBusy() && !messageLabel.getText().isBlank()
                    && !messageLabel.getText().startsWith("Logging"), NETWORK_TIMEOUT_MS, "the error");
            String message = messageLabel.getText();
            UiTestSupport.screenshot(dialog.getShell(), "03-wrong-password");
            assertTrue(message.contains("Wrong username or password"), message);
            assertFalse(message.contains("Exception"), message);
            assertFalse(dialog.getShell().isDisposed(), "the dialog stays open for another try");
            assertTrue(dialog.connection().isEmpty());
        } finally {
            dialog.close();
        }
    }

    @Test
    void logsInWithAnEncryptedKeyFileAfterAskingForItsPassphraseAndWithTheAgent(@TempDir Path temp)
            throws Exception {
        OpenSsh.assumeInstalled("ssh-agent", "ssh-add");
        SshKeys.KeyPair key = SshKeys.generate(temp, "carol_ed25519", "ed25519", "kite string");
        server.signUp("carol", GalleristServerExtension.password(), List.of(key.publicLine()));
        ConnectionSettings settings = new ConnectionSettings("127.0.0.1", server.address().port(), "carol");
        try (SshAgentProcess agent = SshAgentProcess.start(temp.resolve("agent"))) {
            ConnectDialog dialog = new ConnectDialog(null, server.client(), server.knownHosts(),
                    GalleristServerExtension.TRUST_ALL, settings, Optional.of(agent.socket()));
            dialog.setBlockOnOpen(false);
            dialog.open();
            Combo method = widget(dialog, Combo.class, ConnectDialog.WidgetName.METHOD);
            assertEquals(List.of("Password", "Key file", "SSH agent"), List.of(method.getItems()));
            method.select(1);
            method.notifyListeners(SWT.Selection, new Event());
            Text keyFile = widget(dialog, Text.class, ConnectDialog.WidgetName.KEY_FILE);
            assertTrue(keyFile.isVisible());
            keyFile.setText(key.privateKey().toString());
            Label message = widget(dialog, Label.class, ConnectDialog.WidgetName.MESSAGE);
            press(UiTestSupport.dialogButton(dialog.getShell(), IDialogConstants.OK_ID));
            UiTestSupport.spinUntil(display, () -> !dialog.isBusy() && message.getText().contains("passphrase"),
                    NETWORK_TIMEOUT_MS, "the passphrase question");
            assertTrue(message.getText().contains("Enter it under Passphrase"), message.getText());
            UiTestSupport.screenshot(dialog.getShell(), "connect-key-passphrase");
            widget(dialog, Text.class, ConnectDialog.WidgetName.PASSWORD).setText("kite string");
            press(UiTestSupport.dialogButton(dialog.getShell(), IDialogConstants.OK_ID));
            UiTestSupport.spinUntil(display, () -> dialog.connection().isPresent(), NETWORK_TIMEOUT_MS, "the login");
            assertEquals(LoginMethod.KEY_FILE, dialog.settings().method());
            assertEquals(key.privateKey().toString(), dialog.settings().keyFile());
            dialog.connection().orElseThrow().session().close();

            Processes.Result decrypted = Processes.run(List.of("ssh-keygen", "-p", "-P", "kite string", "-N", "",
                    "-f", key.privateKey().toString()), null, 30);
            assertEquals(0, decrypted.exitCode(), decrypted.stderr());
            agent.add(key.privateKey());
            ConnectDialog byAgent = new ConnectDialog(null, server.client(), server.knownHosts(),
                    GalleristServerExtension.TRUST_ALL, settings.withLogin(LoginMethod.AGENT, ""),
                    Optional.of(agent.socket()));
            byAgent.setBlockOnOpen(false);
            byAgent.open();
            assertFalse(widget(byAgent, Text.class, ConnectDialog.WidgetName.PASSWORD).isEnabled(),
                    "the agent needs no secret");
            UiTestSupport.screenshot(byAgent.getShell(), "connect-agent");
            press(UiTestSupport.dialogButton(byAgent.getShell(), IDialogConstants.OK_ID));
            UiTestSupport.spinUntil(display, () -> byAgent.connection().isPresent(), NETWORK_TIMEOUT_MS, "agent");
            assertEquals("carol", byAgent.connection().orElseThrow().user().name());
            byAgent.connection().orElseThrow().session().close();
        }
    }
}
