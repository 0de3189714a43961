package org.gallerist.client.ui.upload;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.upload.FolderScan;
import org.gallerist.client.ui.jobs.Background;

import jakarta.inject.Named;

/**
 * File › Import Folder: the image files of a folder and its subfolders (found in a job) go into the upload dialog,
 * which skips what the account already stores, so importing the same folder again finishes an interrupted import.
 */
public class ImportFolderHandler {

    @CanExecute
    public boolean canExecute(@Optional SessionModel sessions) {
        return sessions != null && sessions.session().isPresent();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, SessionModel sessions,
            @Optional IEventBroker events) {
        DirectoryDialog dialog = new DirectoryDialog(shell, SWT.OPEN);
        dialog.setText("Import a folder");
        dialog.setMessage("Every image in the folder and its subfolders is uploaded; images already stored are"
                + " skipped.");
        String chosen = dialog.open();
        if (chosen != null) {
            importFolder(shell, sessions, events, Path.of(chosen));
        }
    }

    /** Scans the folder in a job, then opens the upload dialog with what it found. */
    public static void importFolder(Shell shell, SessionModel sessions, IEventBroker events, Path folder) {
        new Background(shell).call("Looking for images in " + folder.getFileName(),
                monitor -> FolderScan.scan(folder, monitor::isCanceled), found -> {
                    if (found.images().isEmpty()) {
                        MessageDialog.openInformation(shell, "Import folder", "No images in " + folder + ": "
                                + found.summary());
                        return;
                    }
                    new UploadDialog(shell, sessions, events, found.images(), true).open();
                }, error -> MessageDialog.openError(shell, "Import folder", ErrorMessages.readable(error)),
                found -> { });
    }
}
