package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.ui.browse.GalleryPart;
import org.gallerist.client.ui.bulk.BulkEditDialog;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bulk edit dialog over the gallery's selection, against the real server: one request changes the seller's
 * three images (another seller's is skipped), a request with a refused id changes none and says which, and a
 * confirmed delete removes them all.
 */
class BulkEditUiTest {
    private static final long WAIT_MS = 60_000;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @Test
    void editsRefusesAndDeletesSeveralImagesInOneRequestEach() throws Exception {
        UiTestSupport.requireDisplay();
        GalleristSession sara = server.signedUp("sara");
        GalleristSession bruno = server.signedUp("bruno");
        Display display = Display.getDefault();
        List<Long> saras = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            saras.add(sara.images().add(new NewImage("Print " + i, "", List.of("old", "sea"), new BigDecimal("3.00"),
                    5, Visibility.PUBLIC), Pictures.png(display, 30 + i)).id());
        }
        bruno.images().add(new NewImage("Bruno's", "", List.of(), BigDecimal.ONE, 1, Visibility.PUBLIC),
                Pictures.png(display, 40));

        try (PartWindow window = new PartWindow(server, sara, "Gallery", 760, 420)) {
            GalleryPart gallery = window.open(GalleryPart.class);
            UiTestSupport.spinUntil(display, () -> !gallery.isLoading() && gallery.grid().items().size() == 4,
                    WAIT_MS, "the four images");
            gallery.grid().selectAll();
            List<Long> announced = new ArrayList<>();
            BulkEditDialog dialog = new BulkEditDialog(window.shell, window.model, gallery.grid().selectedImages(),
                    announced::addAll);
            dialog.setBlockOnOpen(false);
            dialog.open();
            Shell shell = dialog.getShell();
            type(shell, BulkEditDialog.WidgetName.PRICE, "7.25");
            type(shell, BulkEditDialog.WidgetName.ADD_TAGS, "Summer");
            type(shell, BulkEditDialog.WidgetName.REMOVE_TAGS, "old");
            choose(UiTestSupport.widget(shell, Button.class, BulkEditDialog.WidgetName.PRIVATE));
            press(UiTestSupport.dialogButton(shell, IDialogConstants.OK_ID));
            Table results = UiTestSupport.widget(shell, Table.class, BulkEditDialog.WidgetName.RESULTS);
            UiTestSupport.spinUntil(display, () -> results.getItemCount() == 4, WAIT_MS, "a line per image");
            assertEquals("3 images changed.", dialog.getMessage());
            assertEquals("Skipped: not yours", results.getItem(3).getText(1), "bruno's is listed after the images sent");
            for (long id : saras) {
                Image now = sara.images().show(id);
                assertEquals(0, new BigDecimal("7.25").compareTo(now.price()));
                assertEquals(List.of("sea", "summer"), now.tags().stream().sorted().toList(), "its other tags kept");
                assertEquals(Visibility.PRIVATE, now.visibility());
                assertEquals(5, now.quantity(), "a blank field changes nothing");
            }
            assertEquals(saras.stream().sorted().toList(), announced.stream().sorted().toList());
            UiTestSupport.screenshot(shell, "bulk-edit");

            sara.images().delete(List.of(saras.get(1)));
            type(shell, BulkEditDialog.WidgetName.PRICE, "");
            type(shell, BulkEditDialog.WidgetName.ADD_TAGS, "");
            type(shell, BulkEditDialog.WidgetName.REMOVE_TAGS, "");
            choose(UiTestSupport.widget(shell, Button.class, BulkEditDialog.WidgetName.UNCHANGED));
            press(UiTestSupport.dialogButton(shell, IDialogConstants.OK_ID));
            assertEquals("Fill in at least one change.", dialog.getErrorMessage(), "nothing sent");
            type(shell, BulkEditDialog.WidgetName.QUANTITY, "1");
            press(UiTestSupport.dialogButton(shell, IDialogConstants.OK_ID));
            UiTestSupport.spinUntil(display, () -> dialog.getErrorMessage() != null
                    && dialog.getErrorMessage().startsWith("Nothing was changed"), WAIT_MS, "the refusal");
            String gone = outcomeOf(results, saras.get(1));
            assertTrue(gone.startsWith("Refused: "), gone);
            assertEquals("Left as it was, because others were refused", outcomeOf(results, saras.get(0)));
            assertEquals(5, sara.images().show(saras.get(0)).quantity(), "all or none");
            UiTestSupport.screenshot(shell, "bulk-edit-refused");

            dialog.close();
            BulkEditDialog again = new BulkEditDialog(window.shell, window.model,
                    List.of(sara.images().show(saras.get(0)), sara.images().show(saras.get(2))), announced::addAll);
            again.setBlockOnOpen(false);
            again.open();
            NestedDialog asked = NestedDialog.whenOpen(display, "Delete images",
                    confirmation -> press(UiTestSupport.dialogButton(confirmation, IDialogConstants.OK_ID)));
            press(UiTestSupport.dialogButton(again.getShell(), BulkEditDialog.DELETE_ID));
            asked.rethrow();
            assertTrue(asked.done(), "a delete is confirmed first");
            Table deleted = UiTestSupport.widget(again.getShell(), Table.class, BulkEditDialog.WidgetName.RESULTS);
            UiTestSupport.spinUntil(display, () -> deleted.getItemCount() == 2, WAIT_MS, "the delete");
            assertEquals("Deleted", deleted.getItem(1).getText(1));
            for (long id : List.of(saras.get(0), saras.get(2))) {
                GalleristException e = org.junit.jupiter.api.Assertions.assertThrows(GalleristException.class,
                        () -> sara.images().show(id));
                assertEquals(ErrorCode.NOT_FOUND, e.code());
            }
            assertFalse(UiTestSupport.dialogButton(again.getShell(), IDialogConstants.OK_ID).isEnabled(),
                    "nothing left to apply to");
            again.close();
        }
    }


    private static String outcomeOf(Table results, long id) {
        for (var item : results.getItems()) {
            if (item.getText(0).startsWith("#" + id + " ")) {
                return item.getText(1);
            }
        }
        throw new AssertionError("no line for #" + id);
    }

    private static void type(Shell shell, BulkEditDialog.WidgetName field, String text) {
        UiTestSupport.widget(shell, Text.class, field).setText(text);
    }

    private static void choose(Button radio) {
        for (var sibling : radio.getParent().getChildren()) {
            ((Button) sibling).setSelection(sibling == radio);
        }
    }

    private static void press(Button button) {
        assertTrue(button.isEnabled(), button.getText() + " is enabled");
        button.notifyListeners(SWT.Selection, new Event());
    }
}
