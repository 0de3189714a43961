package org.gallerist.client.ui.widgets;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Shell;

/** A title-area dialog the way Gallerist's larger dialogs open: named window, resizable, a set first size, no help. */
public abstract class ResizableTitleDialog extends TitleAreaDialog {
    private final String windowTitle;
    private final Point initialSize;

    protected ResizableTitleDialog(Shell parent, String windowTitle, Point initialSize) {
        super(parent);
        this.windowTitle = windowTitle;
        this.initialSize = initialSize;
        setHelpAvailable(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(windowTitle);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Point getInitialSize() {
        return initialSize;
    }
}
