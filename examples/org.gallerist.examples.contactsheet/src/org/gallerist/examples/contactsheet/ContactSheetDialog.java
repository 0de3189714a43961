package org.gallerist.examples.contactsheet;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** Shows a contact sheet and saves it as a PNG where the user chooses. */
final class ContactSheetDialog extends Dialog {
    static final int SAVE_ID = IDialogConstants.CLIENT_ID + 1;

    private final ContactSheet sheet;
    private Image drawn;

    ContactSheetDialog(Shell parent, ContactSheet sheet) {
        super(parent);
        this.sheet = sheet;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Contact Sheet (" + sheet.size() + (sheet.size() == 1 ? " image)" : " images)"));
        shell.addListener(SWT.Dispose, event -> {
            if (drawn != null) {
                drawn.dispose();
            }
        });
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        ScrolledComposite scroller = new ScrolledComposite(area, SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Label picture = new Label(scroller, SWT.NONE);
        drawn = sheet.draw(parent.getDisplay());
        picture.setImage(drawn);
        picture.setSize(picture.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        scroller.setContent(picture);
        ((GridLayout) area.getLayout()).marginWidth = 8;
        return area;
    }

    @Override
    protected Point getInitialSize() {
        Point wanted = sheet.dimensions();
        return new Point(Math.min(wanted.x + 60, 1000), Math.min(wanted.y + 120, 760));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, SAVE_ID, "&Save as PNG\u2026", false);
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == SAVE_ID) {
            FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
            dialog.setFilterExtensions(new String[] { "*.png" });
            dialog.setFileName("contact-sheet.png");
            dialog.setOverwrite(true);
            String file = dialog.open();
            if (file != null) {
                try {
                    sheet.savePng(getShell().getDisplay(), file);
                } catch (RuntimeException e) {
                    MessageDialog.openError(getShell(), "Contact Sheet", "The sheet could not be saved: " + e.getMessage());
                }
            }
            return;
        }
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
            return;
        }
        super.buttonPressed(buttonId);
    }
}
