package org.gallerist.client.ui.admin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.jface.resource.JFaceResources;
import org.gallerist.api.account.PasswordReset;
import org.gallerist.client.ui.widgets.Widgets;

/** Shows a reset's one-time token the only time it can be seen, selectable and with a Copy button. */
public final class ResetTokenDialog extends TitleAreaDialog {
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm")
            .withZone(ZoneId.systemDefault());

    /** The token's field, for tests. */
    public enum WidgetName {
        TOKEN
    }

    private final PasswordReset reset;

    ResetTokenDialog(Shell parent, PasswordReset reset) {
        super(parent);
        this.reset = reset;
        setHelpAvailable(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Password Reset");
    }

    /** Wide enough for the form; the explanation wraps instead of widening the window. */
    @Override
    protected Point getInitialSize() {
        return new Point(560, 320);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("One-time token for " + reset.user());
        setMessage("Their old password no longer works. Give them this token by a way you trust; it is not shown"
                + " again.");
        Composite form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(form);
        Text token = Widgets.name(new Text(form, SWT.BORDER | SWT.READ_ONLY), WidgetName.TOKEN);
        token.setText(reset.token());
        Font mono = JFaceResources.getTextFont();
        token.setFont(mono);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(token);
        Widgets.button(form, "&Copy", () -> copy(token));
        Label how = new Label(form, SWT.WRAP);
        how.setText(reset.user() + " logs in with it as their password until " + UNTIL.format(reset.expires())
                + ", and is then asked to choose a new password. Until they do, their account can do nothing else."
                + " Resetting again makes a new token and voids this one.");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(420, SWT.DEFAULT).applyTo(how);
        token.setFocus();
        token.selectAll();
        return area;
    }

    private void copy(Text token) {
        Clipboard clipboard = new Clipboard(token.getDisplay());
        try {
            clipboard.setContents(new Object[] { token.getText() }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Close", true);
    }
}
