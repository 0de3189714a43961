package org.gallerist.client.ui.browse;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Ctrl+F: brings the Search part forward with the cursor in its search box. */
public class FocusSearchHandler {

    @Execute
    public void focusSearch(EPartService parts) {
        MPart part = parts.showPart(SearchPart.ID, EPartService.PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof SearchPart search) {
            search.focusSearch();
        }
    }
}
