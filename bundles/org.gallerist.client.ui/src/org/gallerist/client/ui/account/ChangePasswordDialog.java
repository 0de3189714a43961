package org.gallerist.client.ui.account;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.account.NewPasswordForm;
import org.gallerist.client.ui.jobs.Background;
import org.gallerist.client.ui.widgets.Widgets;

/**
 * Sets the account's new password (twice) in a job. Asks for the current one, except after an admin's reset, where
 * the one-time token the user just logged in with is the proof and the dialog says why it opened. It closes only once
 * the server took the new password; the server's refusals (too weak, wrong current) show in the form.
 */
public final class ChangePasswordDialog extends TitleAreaDialog {

    /** The fields, for tests. */
    public enum WidgetName {
        CURRENT, NEW, REPEAT
    }

    private final GalleristSession session;
    private final boolean afterReset;
    /** The token the user logged in with after a reset; null when the form asks for it (or the current password). */
    private final char[] resetToken;
    private Text currentText;
    private Text newText;
    private Text repeatText;
    private boolean busy;

    /** Asks for the current password. */
    public static ChangePasswordDialog ordinary(Shell parent, GalleristSession session) {
        return new ChangePasswordDialog(parent, session, false, null);
    }

    /**
     * After a reset: {@code token} (copied; wiped when the dialog closes) proves the change, or, null when the user
     * logged in with a key, the form asks for the token.
     */
    public static ChangePasswordDialog afterReset(Shell parent, GalleristSession session, char[] token) {
        return new ChangePasswordDialog(parent, session, true, token == null ? null : token.clone());
    }

    private ChangePasswordDialog(Shell parent, GalleristSession session, boolean afterReset, char[] resetToken) {
        super(parent);
        this.session = session;
        this.afterReset = afterReset;
        this.resetToken = resetToken;
        setHelpAvailable(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(afterReset ? "Choose a New Password" : "Change Password");
    }

    /** Wide enough for the form; the explanation wraps instead of widening the window. */
    @Override
    protected Point getInitialSize() {
        return new Point(560, 300);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        if (!afterReset) {
            setTitle("Change your password");
            setMessage("Your open sessions stay logged in; next time, log in with the new password.");
        } else {
            setTitle("Choose a new password");
            setMessage("An admin reset your password, and the one-time token works only until you choose a new one."
                    + " Until then the server lets you do nothing else.");
        }
        Composite form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(form);
        if (resetToken == null) {
            currentText = secret(form, afterReset ? "One-time &token:" : "&Current password:", WidgetName.CURRENT);
        }
        newText = secret(form, "&New password:", WidgetName.NEW);
        newText.setMessage("at least 8 characters; a few words are best");
        repeatText = secret(form, "&Repeat:", WidgetName.REPEAT);
        (currentText != null ? currentText : newText).setFocus();
        return area;
    }

    private static Text secret(Composite form, String label, WidgetName name) {
        new Label(form, SWT.NONE).setText(label);
        Text text = Widgets.name(new Text(form, SWT.BORDER | SWT.PASSWORD), name);
        GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(text);
        return text;
    }

    @Override
    protected void okPressed() {
        if (busy) {
            return;
        }
        char[] current = currentText == null ? null : currentText.getTextChars();
        char[] next = newText.getTextChars();
        char[] repeated = repeatText.getTextChars();
        Optional<String> problem = NewPasswordForm.check(current, next, repeated);
        Arrays.fill(repeated, '\0');
        if (problem.isPresent()) {
            wipe(current);
            wipe(next);
            setErrorMessage(problem.get());
            return;
        }
        char[] proof = current != null ? current : resetToken.clone();
        setBusy(true);
        setErrorMessage(null);
        setMessage("Setting the new password\u2026");
        new Background(getShell()).call("Setting a new password", monitor -> {
            try {
                session.changePassword(proof, next);
                return Boolean.TRUE;
            } finally {
                wipe(proof);
                wipe(next);
            }
        }, done -> super.okPressed(), error -> {
            setBusy(false);
            setErrorMessage(ErrorMessages.readable(error));
            newText.setFocus();
            newText.selectAll();
        }, unclaimed -> { });
    }

    private void setBusy(boolean working) {
        busy = working;
        for (Text text : new Text[] { currentText, newText, repeatText }) {
            if (text != null && !text.isDisposed()) {
                text.setEnabled(!working);
            }
        }
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(!working);
        }
    }

    @Override
    public boolean close() {
        wipe(resetToken);
        return super.close();
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
