package org.gallerist.client.ui.keys;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.gallerist.client.core.FormValidation;
import org.gallerist.client.core.keys.NewKeyForm;
import org.gallerist.client.ui.widgets.Widgets;

/** Asks where a new ed25519 key pair goes and for its passphrase (twice); checks both before it closes. */
final class NewKeyDialog extends TitleAreaDialog {
    private Text fileText;
    private Text passphraseText;
    private Text repeatText;
    private Path file;
    private char[] passphrase = new char[0];

    NewKeyDialog(Shell parent) {
        super(parent);
        setHelpAvailable(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("New SSH Key");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Generate a new ed25519 key pair");
        setMessage("The private key stays on this computer, readable only by you; its public half is added to your"
                + " account.");
        Composite form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(10, 10).applyTo(form);
        new Label(form, SWT.NONE).setText("&Save as:");
        fileText = new Text(form, SWT.BORDER);
        fileText.setText(NewKeyForm.suggestedFile(Path.of(System.getProperty("user.home"))).toString());
        GridDataFactory.fillDefaults().grab(true, false).hint(340, SWT.DEFAULT).applyTo(fileText);
        Widgets.button(form, "&Browse\u2026", this::browse);
        passphraseText = secret(form, "&Passphrase:");
        passphraseText.setMessage("recommended; empty leaves the key unencrypted");
        repeatText = secret(form, "&Repeat:");
        return area;
    }

    private static Text secret(Composite form, String label) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, SWT.BORDER | SWT.PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(text);
        return text;
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
        Path suggested = FormValidation.keyFilePath(fileText.getText().isBlank() ? "~/.ssh/id_gallerist_ed25519"
                : fileText.getText());
        if (suggested.getParent() != null) {
            dialog.setFilterPath(suggested.getParent().toString());
        }
        dialog.setFileName(suggested.getFileName().toString());
        String chosen = dialog.open();
        if (chosen != null) {
            fileText.setText(chosen);
        }
    }

    @Override
    protected void okPressed() {
        char[] typed = passphraseText.getTextChars();
        char[] repeated = repeatText.getTextChars();
        Optional<String> problem = NewKeyForm.check(fileText.getText(), typed, repeated);
        Arrays.fill(repeated, '\0');
        if (problem.isPresent()) {
            Arrays.fill(typed, '\0');
            setErrorMessage(problem.get());
            return;
        }
        file = FormValidation.keyFilePath(fileText.getText());
        passphrase = typed;
        super.okPressed();
    }

    Path file() {
        return file;
    }

    /** The caller wipes it once the key is written. */
    char[] passphrase() {
        return passphrase;
    }
}
