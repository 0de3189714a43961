package org.gallerist.client.app.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.ui.LoginPrompt;

import jakarta.inject.Named;

/** Closes the session and asks for a new login; cancelling that ends the application. */
public class LogOutHandler {

    @Execute
    public void logOut(SessionModel model, LoginPrompt prompt, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell,
            IWorkbench workbench) {
        model.close();
        prompt.ask(shell, prompt.lastSettings()).ifPresentOrElse(model::open, workbench::close);
    }
}
