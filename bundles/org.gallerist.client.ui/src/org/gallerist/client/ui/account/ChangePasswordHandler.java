package org.gallerist.client.ui.account;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.client.core.SessionModel;

import jakarta.inject.Named;

/** File › Change Password: a new password for the logged-in account. */
public class ChangePasswordHandler {

    @CanExecute
    public boolean canChange(@Optional SessionModel sessions) {
        return sessions != null && sessions.state().connected() && sessions.session().isPresent();
    }

    @Execute
    public void change(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, SessionModel sessions) {
        sessions.session().ifPresent(session -> ChangePasswordDialog.ordinary(shell, session).open());
    }
}
