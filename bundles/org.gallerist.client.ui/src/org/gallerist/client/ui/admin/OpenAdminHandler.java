package org.gallerist.client.ui.admin;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.client.core.SessionModel;

import jakarta.inject.Named;

/** Admin › Administration: only for admins (the menu shows only to them, and the server checks again). */
public class OpenAdminHandler {

    @CanExecute
    public boolean canOpen(@Optional SessionModel sessions) {
        return sessions != null && sessions.state().user() != null && sessions.state().user().isAdmin();
    }

    @Execute
    public void open(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, SessionModel sessions) {
        new AdminDialog(shell, sessions).open();
    }
}
