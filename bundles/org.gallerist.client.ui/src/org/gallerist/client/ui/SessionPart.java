package org.gallerist.client.ui;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.gallerist.client.core.ConnectionState;
import org.gallerist.client.core.SessionModel;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** The main window's part for now: who is logged in where, and with which role. */
public class SessionPart {
    private final SessionModel model;
    private Label summaryLabel;
    private Label roleLabel;
    private Runnable stopListening = () -> { };

    @Inject
    public SessionPart(SessionModel model) {
        this.model = model;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.swtDefaults().margins(24, 24).applyTo(parent);
        summaryLabel = new Label(parent, SWT.WRAP);
        summaryLabel.setFont(JFaceResources.getHeaderFont());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summaryLabel);
        roleLabel = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(roleLabel);

        show(model.state());
        stopListening = model.addListener(state -> {
            if (!parent.isDisposed()) {
                parent.getDisplay().asyncExec(() -> show(state));
            }
        });
    }

    private void show(ConnectionState state) {
        if (summaryLabel.isDisposed()) {
            return;
        }
        summaryLabel.setText(state.summary());
        roleLabel.setText(state.roleLine());
        summaryLabel.getParent().layout(true);
    }

    public String summaryText() {
        return summaryLabel.getText();
    }

    @PreDestroy
    public void dispose() {
        stopListening.run();
    }
}
