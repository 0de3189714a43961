package org.gallerist.client.ui;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.client.core.LibraryLicences;
import org.gallerist.client.core.LibraryLicences.Library;
import org.gallerist.client.ui.widgets.Tables;
import org.gallerist.client.ui.widgets.Widgets;

/**
 * Help › About: the client's version and build, the Java runtime, what the connected server searches with, and every
 * bundled library with its licence (copyable as text).
 */
public class AboutDialog extends Dialog {
    /** The widgets this dialog names under {@link Widgets#KEY}, for tests and tools that look for them. */
    public enum WidgetName {
        VERSION, SERVER, LIBRARIES
    }

    /** The button id of "Copy list". */
    public static final int COPY_ID = IDialogConstants.CLIENT_ID + 1;

    private final String version;
    private final String build;
    private final String server;
    private final List<Library> libraries;

    /** @param server what {@link org.gallerist.client.core.AboutText} says of the connected server */
    public AboutDialog(Shell parent, String version, String build, String server, List<Library> libraries) {
        super(parent);
        this.version = version;
        this.build = build;
        this.server = server;
        this.libraries = List.copyOf(libraries);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("About Gallerist");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Point getInitialSize() {
        return new Point(680, 620);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().margins(12, 10).spacing(6, 8).applyTo(area);
        Label title = new Label(area, SWT.NONE);
        title.setText("Gallerist desktop client");
        title.setFont(JFaceResources.getHeaderFont());
        Label versionLine = Widgets.name(new Label(area, SWT.NONE), WidgetName.VERSION);
        versionLine.setText("Version " + version + ", build " + build + "\nJava " + System.getProperty(
                "java.runtime.version", System.getProperty("java.version")) + " (" + System.getProperty(
                        "java.vendor", "unknown vendor") + ")");
        Label serverLines = Widgets.name(new Label(area, SWT.WRAP), WidgetName.SERVER);
        serverLines.setText(server);
        GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(serverLines);
        new Label(area, SWT.NONE).setText("Bundled libraries and their licences:");
        TableViewer table = Tables.create(area, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Widgets.name(table.getTable(), WidgetName.LIBRARIES);
        GridDataFactory.fillDefaults().grab(true, true).hint(600, 260).applyTo(table.getTable().getParent());
        Tables.column(table, "Library", 55, 200, SWT.LEFT, Tables.text(Library.class, Library::name));
        Tables.column(table, "Version", 20, 80, SWT.LEFT, Tables.text(Library.class, Library::version));
        Tables.column(table, "Licence", 25, 100, SWT.LEFT, Tables.text(Library.class, Library::licence));
        table.setInput(libraries);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, COPY_ID, "&Copy List", false);
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == COPY_ID) {
            Clipboard clipboard = new Clipboard(getShell().getDisplay());
            try {
                clipboard.setContents(new Object[] { "Gallerist desktop client " + version + " (build " + build
                        + ")\n\n" + LibraryLicences.text(libraries) }, new Transfer[] { TextTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
            return;
        }
        super.buttonPressed(buttonId);
    }
}
