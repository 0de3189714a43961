package org.gallerist.client.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristClient;
import org.gallerist.api.client.HostKeyTrust;
import org.gallerist.api.client.KeyFiles;
import org.gallerist.client.core.Connection;
import org.gallerist.client.core.ConnectionSettings;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.FormValidation;
import org.gallerist.client.core.FormValidation.Action;
import org.gallerist.client.core.LoginMethod;
import org.gallerist.client.core.ServerLogin;
import org.gallerist.client.ui.account.ChangePasswordDialog;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.keys.SshFolder;
import org.gallerist.client.ui.widgets.Widgets;

/**
 * Asks for server, user name and password, then logs in or creates an account in a background job. Errors appear
 * in the message label ({@link WidgetName#MESSAGE}) and the dialog stays open; it closes with {@code OK} once a session is open.
 */
public class ConnectDialog extends TitleAreaDialog {

    /** The widgets this dialog names under {@link Widgets#KEY}, for tests and tools that look for them. */
    public enum WidgetName {
        HOST, PORT, USER, METHOD, KEY_FILE, BROWSE, PASSWORD, MESSAGE
    }

    public static final int CREATE_ACCOUNT_ID = IDialogConstants.CLIENT_ID + 1;

    private final ServerLogin login;
    private ConnectionSettings settings;
    private Connection connection;
    private boolean busy;

    private Text hostText;
    private Text portText;
    private Text userText;
    private Combo methodCombo;
    private Label keyFileLabel;
    private Composite keyFileRow;
    private Text keyFileText;
    private Label passwordLabel;
    private Text passwordText;
    private Label messageLabel;

    public ConnectDialog(Shell parent, GalleristClient client, Path knownHosts, HostKeyTrust trust,
            ConnectionSettings initial) {
        this(parent, client, knownHosts, trust, initial, Optional.empty());
    }

    /** @param agent the ssh-agent's socket ({@code SSH_AUTH_SOCK}), if one runs: then the agent is offered too */
    public ConnectDialog(Shell parent, GalleristClient client, Path knownHosts, HostKeyTrust trust,
            ConnectionSettings initial, Optional<Path> agent) {
        super(parent);
        this.login = new ServerLogin(client, knownHosts, trust, agent);
        this.settings = initial;
        setHelpAvailable(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Gallerist");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Connect to a Gallerist server");
        setMessage("Log in with your account, or create a new one.");

        Composite form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(form);

        hostText = field(form, "&Host:", settings.host(), SWT.BORDER);
        Widgets.name(hostText, WidgetName.HOST);
        portText = field(form, "P&ort:", settings.port() > 0 ? Integer.toString(settings.port()) : "", SWT.BORDER);
        Widgets.name(portText, WidgetName.PORT);
        userText = field(form, "&User name:", settings.user(), SWT.BORDER);
        Widgets.name(userText, WidgetName.USER);
        createLoginMethod(form);
        passwordLabel = new Label(form, SWT.NONE);
        passwordText = new Text(form, SWT.BORDER | SWT.PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(passwordText);
        Widgets.name(passwordText, WidgetName.PASSWORD);

        messageLabel = new Label(form, SWT.WRAP);
        Widgets.name(messageLabel, WidgetName.MESSAGE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(420, SWT.DEFAULT).indent(0, 8)
                .applyTo(messageLabel);
        messageLabel.setText("\n");

        showMethod(settings.method());
        (settings.user().isEmpty() ? userText : passwordText).setFocus();
        return area;
    }

    private void createLoginMethod(Composite form) {
        new Label(form, SWT.NONE).setText("Log in &with:");
        methodCombo = Widgets.name(new Combo(form, SWT.DROP_DOWN | SWT.READ_ONLY), WidgetName.METHOD);
        for (LoginMethod method : offeredMethods()) {
            methodCombo.add(method.label());
        }
        methodCombo.addListener(SWT.Selection, event -> showMethod(method()));
        keyFileLabel = new Label(form, SWT.NONE);
        keyFileLabel.setText("&Key file:");
        GridDataFactory.swtDefaults().applyTo(keyFileLabel);
        keyFileRow = new Composite(form, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(keyFileRow);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(keyFileRow);
        keyFileText = Widgets.name(new Text(keyFileRow, SWT.BORDER), WidgetName.KEY_FILE);
        keyFileText.setText(settings.keyFile());
        keyFileText.setMessage("~/.ssh/id_ed25519");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(keyFileText);
        Widgets.name(Widgets.button(keyFileRow, "&Browse\u2026", this::browseForKey), WidgetName.BROWSE);
    }

    private List<LoginMethod> offeredMethods() {
        return login.hasAgent() || settings.method() == LoginMethod.AGENT ? List.of(LoginMethod.values())
                : List.of(LoginMethod.PASSWORD, LoginMethod.KEY_FILE);
    }

    private LoginMethod method() {
        int index = methodCombo.getSelectionIndex();
        return index < 0 ? LoginMethod.PASSWORD : offeredMethods().get(index);
    }

    /** The key file row shows only for key files; the secret is a password, a passphrase, or not needed. */
    private void showMethod(LoginMethod method) {
        methodCombo.select(offeredMethods().indexOf(method));
        boolean keyFile = method == LoginMethod.KEY_FILE;
        for (Control control : new Control[] { keyFileLabel, keyFileRow }) {
            control.setVisible(keyFile);
            ((GridData) control.getLayoutData()).exclude = !keyFile;
        }
        passwordLabel.setText(keyFile ? "Pass&phrase:" : "&Password:");
        passwordText.setMessage(keyFile ? "only if the key has one" : "");
        passwordText.setEnabled(method != LoginMethod.AGENT && !busy);
        setMessage(method == LoginMethod.AGENT ? "Log in with a key held by your SSH agent."
                : "Log in with your account, or create a new one.");
        passwordText.getParent().layout(true, true);
    }

    private void browseForKey() {
        FileDialog dialog = SshFolder.startIn(new FileDialog(getShell(), SWT.OPEN));
        dialog.setText("Your private key file");
        String chosen = dialog.open();
        if (chosen != null) {
            keyFileText.setText(chosen);
        }
    }

    private static Text field(Composite form, String label, String value, int style) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, style);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(text);
        text.setText(value);
        return text;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, CREATE_ACCOUNT_ID, "&Create account", false);
        createButton(parent, IDialogConstants.OK_ID, "&Log in", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.OK_ID) {
            start(Action.LOG_IN);
        } else if (buttonId == CREATE_ACCOUNT_ID) {
            start(Action.CREATE_ACCOUNT);
        } else {
            super.buttonPressed(buttonId);
        }
    }

    private void start(Action action) {
        if (busy) {
            return;
        }
        char[] password = passwordText.getTextChars();
        LoginMethod method = action == Action.CREATE_ACCOUNT ? LoginMethod.PASSWORD : method();
        Optional<String> problem = FormValidation.check(action, hostText.getText(), portText.getText(),
                userText.getText(), method, keyFileText.getText(), password);
        if (problem.isPresent()) {
            Arrays.fill(password, '\0');
            showError(problem.get());
            return;
        }
        ConnectionSettings requested = new ConnectionSettings(hostText.getText().strip(),
                FormValidation.parsePort(portText.getText()).getAsInt(), userText.getText().strip(), method,
                keyFileText.getText().strip());
        // kept until a password reset's question is answered: the token the user typed proves the new password
        char[] typedPassword = method == LoginMethod.PASSWORD ? password.clone() : null;
        setBusy(true);
        showInfo((action == Action.LOG_IN ? "Logging in to " : "Creating the account on ") + requested.host() + ":"
                + requested.port() + "\u2026");

        new Background(getShell()).call(
                action == Action.LOG_IN ? "Logging in to Gallerist" : "Creating a Gallerist account", monitor -> {
                    try {
                        Connection opened = action == Action.LOG_IN ? login.logIn(requested, password)
                                : login.createAccount(requested, password);
                        return new LoggedIn(opened, opened.session().passwordChangeRequired());
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                }, loggedIn -> {
                    if (loggedIn.mustChangePassword()) {
                        chooseNewPassword(requested, loggedIn.connection(), typedPassword);
                    } else {
                        succeeded(requested, loggedIn.connection());
                    }
                    wipe(typedPassword);
                }, error -> {
                    wipe(typedPassword);
                    failed(explain(error));
                }, loggedIn -> {
                    wipe(typedPassword);
                    loggedIn.connection().session().close();
                });
    }

    private record LoggedIn(Connection connection, boolean mustChangePassword) {
    }

    /** After an admin's reset the account can do nothing else, so the window opens only once that is done. */
    private void chooseNewPassword(ConnectionSettings used, Connection opened, char[] token) {
        if (ChangePasswordDialog.afterReset(getShell(), opened.session(), token).open() == OK) {
            succeeded(used, opened);
            return;
        }
        opened.session().close();
        failed("Choose a new password to go on: until then your account can do nothing else.");
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    /** A key that needs its passphrase is asked for it in the form, which stays filled in. */
    private static String explain(Throwable error) {
        String message = ErrorMessages.readable(error);
        if (error instanceof GalleristException e && e.details().get(KeyFiles.PROBLEM) instanceof String problem) {
            if (problem.equals(KeyFiles.PASSPHRASE_NEEDED)) {
                return message + " Enter it under Passphrase and log in again.";
            } else if (problem.equals(KeyFiles.WRONG_PASSPHRASE)) {
                return message + " Check it and log in again.";
            }
        }
        return message;
    }

    private void succeeded(ConnectionSettings used, Connection opened) {
        settings = used;
        connection = opened;
        setReturnCode(OK);
        close();
    }

    private void failed(String message) {
        setBusy(false);
        showError(message);
        passwordText.setFocus();
        passwordText.selectAll();
    }

    private void setBusy(boolean working) {
        busy = working;
        for (Control control : new Control[] { hostText, portText, userText, methodCombo, keyFileText,
                getButton(IDialogConstants.OK_ID), getButton(CREATE_ACCOUNT_ID) }) {
            control.setEnabled(!working);
        }
        passwordText.setEnabled(!working && method() != LoginMethod.AGENT);
    }

    private void showError(String message) {
        showMessage(message, messageLabel.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
    }

    private void showInfo(String message) {
        showMessage(message, null);
    }

    /** Long messages (a changed host key explains itself at length) grow the dialog instead of being clipped. */
    private void showMessage(String message, Color color) {
        messageLabel.setForeground(color);
        messageLabel.setText(message);
        Shell shell = getShell();
        Point size = shell.getSize();
        Point needed = shell.computeSize(size.x, SWT.DEFAULT, true);
        if (needed.y > size.y) {
            shell.setSize(size.x, needed.y);
        }
        shell.layout(true, true);
    }

    /** The open session after {@code OK}; empty if the user cancelled. */
    public Optional<Connection> connection() {
        return Optional.ofNullable(connection);
    }

    /** The settings the session was opened with (the initial ones until then). */
    public ConnectionSettings settings() {
        return settings;
    }

    public boolean isBusy() {
        return busy;
    }
}
