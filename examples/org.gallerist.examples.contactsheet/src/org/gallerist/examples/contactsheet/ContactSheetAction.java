package org.gallerist.examples.contactsheet;

import java.util.ArrayList;
import java.util.List;

import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageSize;
import org.gallerist.client.ui.extension.ImageAction;
import org.gallerist.client.ui.extension.ImageActionContext;
import org.osgi.service.component.annotations.Component;

/**
 * "Contact Sheet…" in the gallery's context menu: the selected images' thumbnails on one sheet with their names and
 * prices, to look at and save as a PNG. The thumbnails are fetched in the client's background job, the sheet is
 * drawn on the display thread.
 */
@Component(service = ImageAction.class, property = "service.ranking:Integer=10")
public class ContactSheetAction implements ImageAction {

    /** More would make a sheet too large to look at; the menu item is disabled beyond it. */
    static final int MAX_IMAGES = 60;

    @Override
    public String label() {
        return "Contact &Sheet\u2026";
    }

    @Override
    public boolean appliesTo(List<Image> selection) {
        return selection.size() <= MAX_IMAGES;
    }

    @Override
    public void run(ImageActionContext context) {
        List<Image> images = context.selection();
        context.inBackground("Fetching " + images.size() + " thumbnails for the contact sheet", session -> {
            List<byte[]> thumbs = new ArrayList<>();
            for (Image image : images) {
                thumbs.add(session.images().content(image.id(), ImageSize.THUMB));
            }
            return thumbs;
        }, thumbs -> new ContactSheetDialog(context.shell(), ContactSheet.of(images, thumbs)).open());
    }
}
