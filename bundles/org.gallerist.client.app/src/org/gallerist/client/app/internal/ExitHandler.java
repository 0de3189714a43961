package org.gallerist.client.app.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;

public class ExitHandler {

    @Execute
    public void exit(IWorkbench workbench) {
        workbench.close();
    }
}
