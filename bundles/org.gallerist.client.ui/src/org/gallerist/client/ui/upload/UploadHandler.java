package org.gallerist.client.ui.upload;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.client.core.ClientCommands;
import org.gallerist.client.core.SessionModel;

import jakarta.inject.Named;

/** {@link ClientCommands#UPLOAD}: opens the upload dialog, with the dropped files if there were any. */
public class UploadHandler {

    @CanExecute
    public boolean canExecute(@Optional SessionModel sessions) {
        return sessions != null && sessions.session().isPresent();
    }

    @Execute
    public void execute(@Optional @Named(ClientCommands.FILES) String files,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell, SessionModel sessions, @Optional IEventBroker events) {
        new UploadDialog(shell, sessions, events, paths(files)).open();
    }

    static List<Path> paths(String files) {
        if (files == null || files.isBlank()) {
            return List.of();
        }
        return Arrays.stream(files.split(File.pathSeparator)).filter(part -> !part.isBlank())
                .map(part -> Path.of(part.strip())).toList();
    }
}
