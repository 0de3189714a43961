package org.gallerist.client.ui.keys;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.api.GalleristException;
import org.gallerist.api.account.AuthorizedKey;
import org.gallerist.api.client.KeyFiles;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.widgets.Tables;
import org.gallerist.client.ui.widgets.ResizableTitleDialog;
import org.gallerist.client.ui.widgets.Widgets;

/**
 * The account's SSH keys with their fingerprints: add one from a public (or private) key file, make a new ed25519
 * pair, or remove one. Every server call and file write runs in a job; the list reloads after each change.
 */
public class KeysDialog extends ResizableTitleDialog {
    /** The widgets this dialog names under {@link Widgets#KEY}, for tests and tools that look for them. */
    public enum WidgetName {
        KEYS, ADD, GENERATE, REMOVE
    }

    private static final DateTimeFormatter ADDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final SessionModel sessions;
    private final KeyFiles keyFiles;
    private Background background;
    private TableViewer table;
    private Button remove;
    private List<AuthorizedKey> keys = List.of();
    private boolean loading;

    public KeysDialog(Shell parent, SessionModel sessions, KeyFiles keyFiles) {
        super(parent, "SSH Keys", new Point(1000, 460));
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.keyFiles = Objects.requireNonNull(keyFiles, "keyFiles");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("SSH keys");
        setMessage("Keys you can log in with instead of your password, here and with OpenSSH (ssh -i KEY).");
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 8).applyTo(body);
        table = Tables.create(body, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Widgets.name(table.getTable(), WidgetName.KEYS);
        GridDataFactory.fillDefaults().grab(true, true).hint(560, 200).applyTo(table.getTable().getParent());
        Tables.column(table, "Type", 14, 100, SWT.LEFT, Tables.text(AuthorizedKey.class, AuthorizedKey::type));
        Tables.column(table, "Fingerprint", 50, 400, SWT.LEFT,
                Tables.text(AuthorizedKey.class, AuthorizedKey::fingerprint));
        Tables.column(table, "Comment", 18, 120, SWT.LEFT, Tables.text(AuthorizedKey.class, AuthorizedKey::comment));
        Tables.column(table, "Added", 18, 130, SWT.LEFT,
                Tables.text(AuthorizedKey.class, key -> ADDED.format(key.added())));
        table.addSelectionChangedListener(event -> enableButtons());

        Composite buttons = new Composite(body, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        fill(Widgets.name(Widgets.button(buttons, "&Add from File\u2026", this::chooseFileToAdd), WidgetName.ADD));
        fill(Widgets.name(Widgets.button(buttons, "&Generate New Key\u2026", this::askForNewKey),
                WidgetName.GENERATE));
        remove = fill(Widgets.name(Widgets.button(buttons, "&Remove\u2026", this::confirmRemove),
                WidgetName.REMOVE));
        background = new Background(sessions, getShell());
        reload(null);
        return area;
    }

    private static Button fill(Button button) {
        GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
        return button;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    private void enableButtons() {
        if (!remove.isDisposed()) {
            remove.setEnabled(!loading && selected() != null);
        }
    }

    private AuthorizedKey selected() {
        return ((IStructuredSelection) table.getSelection()).getFirstElement() instanceof AuthorizedKey key ? key
                : null;
    }

    /** Loads the list; {@code done}, if given, is what to tell once it shows. */
    private void reload(String done) {
        loading = true;
        enableButtons();
        background.run("Listing your SSH keys", session -> session.keys(), loaded -> {
            loading = false;
            keys = loaded;
            table.setInput(loaded);
            enableButtons();
            if (done != null) {
                setMessage(done);
            } else if (loaded.isEmpty()) {
                setMessage("No keys yet: you log in with your password. Add a key or generate one.");
            }
        }, this::failed);
    }

    private void chooseFileToAdd() {
        FileDialog dialog = SshFolder.startIn(new FileDialog(getShell(), SWT.OPEN));
        dialog.setText("A public key file (or its private key)");
        dialog.setFilterExtensions(new String[] { "*.pub", "*" });
        dialog.setFilterNames(new String[] { "Public keys (*.pub)", "All files" });
        String chosen = dialog.open();
        if (chosen != null) {
            add(Path.of(chosen));
        }
    }

    /** Reads the file's public key and adds it to the account; an encrypted private key asks for its passphrase. */
    public void add(Path file) {
        add(file, null, needed -> askPassphraseAndAdd(file, needed));
    }

    /** As {@link #add(Path)}, with the private key's passphrase. */
    public void add(Path file, char[] passphrase) {
        add(file, passphrase, this::failed);
    }

    private void add(Path file, char[] passphrase, Consumer<Throwable> failure) {
        setErrorMessage(null);
        background.run("Adding the key " + file.getFileName(),
                session -> session.addKey(keyFiles.publicKeyLine(file, passphrase)),
                added -> reload("Added the key " + added.fingerprint() + "."), error -> {
                    boolean asks = error instanceof GalleristException e
                            && KeyFiles.PASSPHRASE_NEEDED.equals(e.details().get(KeyFiles.PROBLEM));
                    (asks ? failure : (Consumer<Throwable>) this::failed).accept(error);
                });
    }

    private void askPassphraseAndAdd(Path file, Throwable needed) {
        InputDialog ask = new InputDialog(getShell(), "Key passphrase", ErrorMessages.readable(needed)
                + " Enter it to read the key's public half (the passphrase is not kept):", "", null) {
            @Override
            protected int getInputTextStyle() {
                return SWT.SINGLE | SWT.BORDER | SWT.PASSWORD;
            }
        };
        if (ask.open() == OK) {
            add(file, ask.getValue().toCharArray());
        } else {
            failed(needed);
        }
    }


    private void askForNewKey() {
        NewKeyDialog dialog = new NewKeyDialog(getShell());
        if (dialog.open() == OK) {
            generate(dialog.file(), dialog.passphrase(), comment());
        }
    }

    private String comment() {
        String user = sessions.state().user() == null ? "gallerist" : sessions.state().user().name();
        String host = sessions.state().server() == null ? "" : "@" + sessions.state().server().host();
        return user + host;
    }

    /** Makes a new key pair in {@code file} (and {@code file.pub}), then adds its public key to the account. */
    public void generate(Path file, char[] passphrase, String comment) {
        setErrorMessage(null);
        background.run("Making a new SSH key", session -> {
            try {
                return session.addKey(keyFiles.generateEd25519(file, passphrase, comment));
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }, added -> reload("Made " + file + " and added its key " + added.fingerprint()
                + ". Log in with it under Key file."), this::failed);
    }

    private void confirmRemove() {
        AuthorizedKey key = selected();
        if (key != null && MessageDialog.openConfirm(getShell(), "Remove key", "Remove the key " + key.fingerprint()
                + (key.comment().isEmpty() ? "" : " (" + key.comment() + ")") + "? It will no longer log in. "
                + (keys.size() == 1 ? "You can still log in with your password." : ""))) {
            remove(key);
        }
    }

    public void remove(AuthorizedKey key) {
        setErrorMessage(null);
        background.run("Removing the key " + key.fingerprint(), session -> {
            session.removeKey(key.fingerprint());
            return key;
        }, removed -> reload("Removed the key " + removed.fingerprint() + "."), this::failed);
    }

    private void failed(Throwable error) {
        loading = false;
        enableButtons();
        if (getShell() != null && !getShell().isDisposed()) {
            setErrorMessage(ErrorMessages.readable(error));
        }
    }

    /** What the table shows, for tests. */
    public List<AuthorizedKey> keys() {
        return keys;
    }

    public boolean isLoading() {
        return loading;
    }
}
