package org.gallerist.client.ui.keys;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.api.client.KeyFiles;
import org.gallerist.client.core.SessionModel;

import jakarta.inject.Named;

/** File › SSH Keys: the logged-in account's keys. */
public class OpenKeysHandler {

    @CanExecute
    public boolean canOpen(@Optional SessionModel sessions, @Optional KeyFiles keyFiles) {
        return sessions != null && keyFiles != null && sessions.state().connected();
    }

    @Execute
    public void open(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, SessionModel sessions, KeyFiles keyFiles) {
        new KeysDialog(shell, sessions, keyFiles).open();
    }
}
