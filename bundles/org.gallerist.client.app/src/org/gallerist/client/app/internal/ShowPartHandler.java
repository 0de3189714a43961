package org.gallerist.client.app.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import jakarta.inject.Named;

/** Brings a part of the window forward (View menu and toolbar): the command's parameter names it by id. */
public class ShowPartHandler {
    /** The command's one parameter: the id of the part to show. */
    public static final String PART_ID = "org.gallerist.client.commandparameter.partId";

    @CanExecute
    public boolean canShow(EPartService parts, @Named(PART_ID) String partId) {
        return parts.findPart(partId) != null;
    }

    @Execute
    public void show(EPartService parts, @Named(PART_ID) String partId) {
        parts.showPart(partId, EPartService.PartState.ACTIVATE);
    }
}
