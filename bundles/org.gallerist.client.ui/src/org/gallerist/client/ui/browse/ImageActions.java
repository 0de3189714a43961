package org.gallerist.client.ui.browse;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Control;
import org.gallerist.api.client.DeleteResult;
import org.gallerist.api.image.Image;
import org.gallerist.client.core.CartContents;
import org.gallerist.client.core.ClientCommands;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.core.browse.BrowseState;
import org.gallerist.client.core.bulk.BulkSelection;
import org.gallerist.client.core.details.ImageEdit;
import org.gallerist.client.ui.bulk.BulkEditDialog;
import org.gallerist.client.ui.grid.ThumbnailGrid;
import org.gallerist.client.ui.jobs.Background;

/** What can be done to one image from the Gallery, Search and Details parts, the same way everywhere. */
final class ImageActions {
    private final Control owner;
    private final SessionModel sessions;
    private final BrowseState browse;
    private final PartServices workbench;
    private final CommandRunner commands;
    private final Background background;

    ImageActions(Control owner, SessionModel sessions, BrowseState browse, PartServices workbench) {
        this.owner = owner;
        this.sessions = sessions;
        this.browse = browse;
        this.workbench = workbench;
        this.commands = workbench.commands();
        this.background = new Background(sessions, owner);
    }

    private static Map<String, Object> idParameter(Image image) {
        return Map.of(ClientCommands.IMAGE_ID, Long.toString(image.id()));
    }

    boolean canAddToCart(Image image) {
        return image.quantity() > 0 && commands.canExecute(ClientCommands.ADD_TO_CART, idParameter(image));
    }

    void addToCart(Image image) {
        commands.execute(ClientCommands.ADD_TO_CART, idParameter(image));
    }

    /** Through the command where the workbench has it; directly to the Search part otherwise. */
    void findSimilar(Image image) {
        if (!commands.execute(ClientCommands.FIND_SIMILAR, idParameter(image))) {
            browse.findSimilar(image.id());
        }
    }

    boolean canDelete(Image image) {
        return ImageEdit.canEdit(sessions.state().user(), image);
    }

    /** Asks first (warning when the image is in the cart), then deletes in the background. */
    void delete(Image image, Consumer<String> failed) {
        if (!canDelete(image)) {
            return;
        }
        String question = "Delete \"" + image.name() + "\" (#" + image.id() + ") from the server? This cannot be undone.";
        CartContents cart = workbench.cart();
        if (cart != null && cart.contains(image.id())) {
            int quantity = cart.quantity(image.id());
            question = "\"" + image.name() + "\" is in your cart (" + quantity + (quantity == 1 ? " copy" : " copies")
                    + "). Deleting it also takes it out of what you can buy.\n\n" + question;
        }
        if (!MessageDialog.openConfirm(owner.getShell(), "Delete image", question)) {
            return;
        }
        background.run("Deleting image #" + image.id(), session -> session.images().delete(List.of(image.id())),
                results -> {
                    DeleteResult result = results.get(0);
                    if (result.deleted()) {
                        ImagesChanged.announce(workbench.broker(), browse, List.of(image.id()));
                    } else {
                        failed.accept(result.message() == null ? "The image was not deleted." : result.message());
                    }
                }, error -> failed.accept(ErrorMessages.readable(error)));
    }

    /** One image as {@link #delete(Image, Consumer)}; several after one question, all or none, in one request. */
    void delete(List<Image> images, Consumer<String> failed) {
        if (images.size() == 1) {
            delete(images.get(0), failed);
            return;
        }
        BulkSelection selection = BulkSelection.of(sessions.state().user(), images);
        if (selection.mine().isEmpty()
                || !MessageDialog.openConfirm(owner.getShell(), "Delete images", selection.deleteQuestion())) {
            return;
        }
        background.run(selection.deleteJobName(), selection::delete, result -> {
            if (result.applied()) {
                announceChanged(selection.ids());
            } else {
                failed.accept(result.refusals());
            }
        }, error -> failed.accept(ErrorMessages.readable(error)));
    }

    /** Opens the bulk edit dialog for the images chosen; what it changes is announced to every part. */
    void edit(List<Image> images) {
        new BulkEditDialog(owner.getShell(), sessions, images, this::announceChanged).open();
    }

    /**
     * Wires a grid of images the same way in every part: choosing one shows it, opening it calls {@code open},
     * Delete and the context menu act on it, and what fails goes to {@code showError}.
     */
    void attachTo(ThumbnailGrid grid, Consumer<Image> open, Consumer<String> showError) {
        grid.onSelection(browse::show);
        grid.onOpen(open);
        grid.onDelete(images -> delete(images, showError));
        ImageMenu.attach(grid, this, open, showError);
    }

    /** The plugins' actions for a grid's menu, running their work through this part's jobs. */
    PluginActions pluginActions(Consumer<String> failed) {
        return new PluginActions(background, failed);
    }

    void announceChanged(List<Long> ids) {
        ImagesChanged.announce(workbench.broker(), browse, ids);
    }
}
