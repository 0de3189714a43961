package org.gallerist.client.ui.browse;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.gallerist.api.image.Image;
import org.gallerist.client.ui.grid.ThumbnailGrid;

/**
 * The context menu of a thumbnail grid; items apply to the selected image (or images) and disable where they cannot.
 * Plugins' {@link org.gallerist.client.ui.extension.ImageAction}s follow the client's own items.
 */
final class ImageMenu {
    private ImageMenu() {
    }

    static Menu attach(ThumbnailGrid grid, ImageActions actions, Consumer<Image> openDetails,
            Consumer<String> failed) {
        Menu menu = new Menu(grid);
        MenuItem details = item(menu, "&Details\tEnter");
        MenuItem addToCart = item(menu, "&Add to cart");
        MenuItem similar = item(menu, "Find &similar");
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem edit = item(menu, "&Edit\u2026");
        MenuItem editAll = item(menu, "Edit &selected images\u2026");
        MenuItem delete = item(menu, "De&lete\tDelete");

        details.addListener(SWT.Selection, event -> grid.selection().ifPresent(openDetails));
        edit.addListener(SWT.Selection, event -> grid.selection().ifPresent(openDetails));
        addToCart.addListener(SWT.Selection, event -> grid.selection().ifPresent(actions::addToCart));
        similar.addListener(SWT.Selection, event -> grid.selection().ifPresent(actions::findSimilar));
        editAll.addListener(SWT.Selection, event -> actions.edit(grid.selectedImages()));
        delete.addListener(SWT.Selection, event -> actions.delete(grid.selectedImages(), failed));
        PluginActions plugins = actions.pluginActions(failed);
        grid.addListener(SWT.Dispose, event -> plugins.close());
        menu.addListener(SWT.Show, event -> {
            Image image = grid.selection().orElse(null);
            details.setEnabled(image != null);
            similar.setEnabled(image != null);
            addToCart.setEnabled(image != null && actions.canAddToCart(image));
            List<Image> selected = grid.selectedImages();
            boolean anyMine = selected.stream().anyMatch(actions::canDelete);
            edit.setEnabled(image != null && actions.canDelete(image));
            editAll.setText(selected.size() > 1 ? "Edit " + selected.size() + " &selected images\u2026"
                    : "Edit &selected images\u2026");
            editAll.setEnabled(selected.size() > 1 && anyMine);
            delete.setText(selected.size() > 1 ? "De&lete " + selected.size() + " images\tDelete" : "De&lete\tDelete");
            delete.setEnabled(anyMine);
            plugins.fill(menu, selected);
        });
        grid.setMenu(menu);
        return menu;
    }

    private static MenuItem item(Menu menu, String text) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(text);
        return item;
    }
}
