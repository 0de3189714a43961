package org.gallerist.client.app.internal;

import org.eclipse.e4.core.di.annotations.Optional;
import org.gallerist.client.core.SessionModel;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** Add-on that closes the SSH session when the workbench shuts down, so the server sees a clean disconnect. */
public class SessionCloser {
    private final SessionModel model;

    @Inject
    public SessionCloser(@Optional SessionModel model) {
        this.model = model;
    }

    @PreDestroy
    public void closeSession() {
        if (model != null) {
            model.close();
        }
    }
}
