package org.gallerist.client.ui.keys;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.widgets.FileDialog;

/** Key file choosers open where OpenSSH keeps keys, {@code ~/.ssh}, when there is one. */
public final class SshFolder {
    private SshFolder() {
    }

    public static FileDialog startIn(FileDialog dialog) {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        if (Files.isDirectory(ssh)) {
            dialog.setFilterPath(ssh.toString());
        }
        return dialog;
    }
}
