package org.gallerist.client.app.internal;

import java.util.Optional;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.client.core.AboutText;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.ui.jobs.Background;
import org.osgi.framework.FrameworkUtil;

import jakarta.inject.Named;

/** Help › About: the client's version and the server's image model with its credits, asked for in the background. */
public class AboutHandler {

    @Execute
    public void about(SessionModel sessions, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        String version = FrameworkUtil.getBundle(AboutHandler.class).getVersion().toString();
        new Background(sessions, shell).run("Asking the server about its image model",
                session -> session.images().similarityStatus(),
                status -> MessageDialog.openInformation(shell, "About Gallerist", AboutText.of(version,
                        Optional.of(status))),
                notConnected -> MessageDialog.openInformation(shell, "About Gallerist", AboutText.of(version,
                        Optional.empty())));
    }
}
