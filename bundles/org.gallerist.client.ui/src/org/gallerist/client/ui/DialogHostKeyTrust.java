package org.gallerist.client.ui;

import java.util.Objects;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.api.client.HostKeyTrust;

/**
 * Asks the user whether to trust a server seen for the first time. The transport calls it from a background
 * thread, so the question is put on the UI thread and the caller waits for the answer.
 */
public final class DialogHostKeyTrust implements HostKeyTrust {
    private final Display display;

    public DialogHostKeyTrust(Display display) {
        this.display = Objects.requireNonNull(display, "display");
    }

    @Override
    public boolean trustNewHost(String host, int port, String keyType, String fingerprint) {
        boolean[] trusted = { false };
        Runnable ask = () -> trusted[0] = MessageDialog.openQuestion(parentShell(), "Unknown server",
                question(host, port, keyType, fingerprint));
        if (Display.getCurrent() == display) {
            ask.run();
        } else if (!display.isDisposed()) {
            display.syncExec(ask);
        }
        return trusted[0];
    }

    public static String question(String host, int port, String keyType, String fingerprint) {
        return "This is the first connection to " + host + ":" + port + ".\n\n"
                + "Key type: " + keyType + "\n"
                + "Fingerprint: " + fingerprint + "\n\n"
                + "Compare the fingerprint with the one the server's operator published.\n"
                + "Trust this server?";
    }

    private Shell parentShell() {
        Shell active = display.getActiveShell();
        if (active != null) {
            return active;
        }
        for (Shell shell : display.getShells()) {
            if (shell.isVisible()) {
                return shell;
            }
        }
        return null;
    }
}
