package org.gallerist.client.ui.browse;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.gallerist.client.core.ClientCommands;
import org.gallerist.client.core.browse.BrowseState;

import jakarta.inject.Named;

/** Shows the Search part with images like a stored one ({@link ClientCommands#FIND_SIMILAR}). */
public class FindSimilarHandler {

    @Execute
    public void findSimilar(@Named(ClientCommands.IMAGE_ID) String imageId, BrowseState browse,
            @Optional EPartService parts) {
        long id;
        try {
            id = Long.parseLong(imageId.strip());
        } catch (NumberFormatException e) {
            return;
        }
        if (parts != null) {
            parts.showPart(SearchPart.ID, EPartService.PartState.ACTIVATE);
        }
        browse.findSimilar(id);
    }
}
