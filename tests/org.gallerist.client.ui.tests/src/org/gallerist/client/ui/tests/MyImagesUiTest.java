package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.details.ImageFacts;
import org.gallerist.client.ui.browse.GalleryPart;
import org.gallerist.client.ui.grid.ThumbnailGrid;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gallery's "My images" toggle in a real window against the real server: the seller's own images only, the
 * private one among them, with price and stock ("sold out") under each; off again, everyone's public images.
 */
class MyImagesUiTest {

    private static final long WAIT_MS = 60_000;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    private final Display display = Display.getDefault();

    @Test
    void theToggleShowsTheSellersOwnImagesPrivateAndSoldOutIncluded() throws Exception {
        UiTestSupport.requireDisplay();
        GalleristSession sara = server.signedUp("sara");
        GalleristSession bruno = server.signedUp("bruno");
        sara.images().add(new NewImage("Sold print", "", List.of(), new BigDecimal("4.00"), 0, Visibility.PUBLIC),
                Pictures.png(display, 21));
        sara.images().add(new NewImage("Draft", "", List.of(), new BigDecimal("9.50"), 2, Visibility.PRIVATE),
                Pictures.png(display, 22));
        bruno.images().add(new NewImage("Bruno's", "", List.of(), BigDecimal.ONE, 1, Visibility.PUBLIC),
                Pictures.png(display, 23));

        try (PartWindow window = new PartWindow(server, sara, "Gallery", 760, 420)) {
            Shell shell = window.shell;
            GalleryPart gallery = window.open(GalleryPart.class);

            UiTestSupport.spinUntil(display, () -> !gallery.isLoading() && gallery.grid().items().size() == 3, WAIT_MS,
                    "everyone's public images and sara's own");
            Button mine = UiTestSupport.widget(shell, Button.class, GalleryPart.WidgetName.MY_IMAGES);
            mine.setSelection(true);
            mine.notifyListeners(SWT.Selection, new Event());
            UiTestSupport.spinUntil(display, () -> !gallery.isLoading() && names(gallery).equals(List.of("Draft",
                    "Sold print")), WAIT_MS, "sara's own, the private one too");
            assertEquals("My images", UiTestSupport.widget(shell, Label.class, GalleryPart.WidgetName.FILTER).getText());
            Image sold = gallery.grid().items().get(1);
            assertEquals("4.00 \u00b7 sold out", ImageFacts.priceAndStock(sold));
            UiTestSupport.settle(display, 800);
            UiTestSupport.screenshot(shell, "my-images");

            gallery.showMine(false);
            UiTestSupport.spinUntil(display, () -> !gallery.isLoading() && names(gallery).size() == 3, WAIT_MS,
                    "everyone's again");
            assertEquals(List.of("Bruno's", "Draft", "Sold print"), names(gallery), "newest first");
            assertTrue(!mine.getSelection(), "the toggle follows");

            ThumbnailGrid grid = gallery.grid();
            click(grid, 0, SWT.NONE);
            click(grid, 2, SWT.MOD1);
            assertEquals(List.of("Bruno's", "Sold print"), names(grid.selectedImages()), "Ctrl+click adds");
            click(grid, 1, SWT.SHIFT);
            assertEquals(List.of("Draft", "Sold print"), names(grid.selectedImages()), "Shift+click: from the anchor");
            Event selectAll = new Event();
            selectAll.keyCode = 'a';
            selectAll.stateMask = SWT.MOD1;
            grid.notifyListeners(SWT.KeyDown, selectAll);
            assertEquals(3, grid.selectedImages().size(), "Ctrl+A");
            UiTestSupport.screenshot(shell, "multi-select");
            click(grid, 1, SWT.NONE);
            assertEquals(List.of("Draft"), names(grid.selectedImages()), "a plain click selects one again");
        }
    }

    private static void click(ThumbnailGrid grid, int index, int modifiers) {
        org.eclipse.swt.graphics.Rectangle cell = grid.cellBounds(index);
        Event event = new Event();
        event.x = cell.x + cell.width / 2;
        event.y = cell.y + cell.height / 2;
        event.button = 1;
        event.stateMask = modifiers;
        grid.notifyListeners(SWT.MouseDown, event);
    }

    private static List<String> names(List<Image> images) {
        return images.stream().map(Image::name).toList();
    }

    private static List<String> names(GalleryPart gallery) {
        return gallery.grid().items().stream().map(Image::name).toList();
    }
}
