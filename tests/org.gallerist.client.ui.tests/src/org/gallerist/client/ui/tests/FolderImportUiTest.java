package org.gallerist.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.gallerist.api.client.GalleristSession;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.upload.FileResult;
import org.gallerist.client.core.upload.FolderScan;
import org.gallerist.client.core.upload.UploadForm;
import org.gallerist.client.ui.upload.UploadDialog;
import org.gallerist.tests.harness.GalleristServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder import against the real server: the images of a folder tree go up, the one an interrupted earlier import
 * already stored is recognised by its content hash and not sent again, and importing the folder once more adds
 * nothing.
 */
class FolderImportUiTest {
    private static final long WAIT_MS = 60_000;

    @RegisterExtension
    GalleristServerExtension server = GalleristServerExtension.fresh().with("modelEnabled", false);

    @TempDir
    Path folder;

    @Test
    void importsAFolderTreeAndSkipsWhatIsAlreadyStored() throws Exception {
        UiTestSupport.requireDisplay();
        Display display = Display.getDefault();
        GalleristSession erin = server.signedUp("erin");
        Files.createDirectories(folder.resolve("trip/day2"));
        Path stored = Files.write(folder.resolve("trip/harbour.png"), Pictures.png(display, 11));
        Files.write(folder.resolve("trip/day2/cliffs.png"), Pictures.png(display, 12));
        Files.write(folder.resolve("lighthouse.png"), Pictures.png(display, 13));
        Files.writeString(folder.resolve("trip/notes.txt"), "left out");
        erin.images().add(new NewImage("Harbour", "", List.of(), BigDecimal.ONE, 1, Visibility.PUBLIC),
                Files.readAllBytes(stored)); // what an import that lost its connection had sent

        try (PartWindow window = new PartWindow(server, erin, "Import", 400, 200)) {
            FolderScan.Found found = FolderScan.scan(folder, () -> false);
            assertEquals(3, found.images().size(), found.summary());
            List<FileResult> first = runImport(window, display, found.images(), true, "folder-import");
            assertEquals(List.of(FileResult.Status.UPLOADED, FileResult.Status.UPLOADED,
                    FileResult.Status.ALREADY_STORED), first.stream().map(FileResult::status).toList());
            assertTrue(first.get(2).summary().startsWith("Already stored as #"), first.get(2).summary());

            List<FileResult> again = runImport(window, display, found.images(), true, null);
            assertTrue(again.stream().allMatch(result -> result.status() == FileResult.Status.ALREADY_STORED),
                    again.toString());
            assertEquals(3, erin.images().list(new ImageQuery(List.of(), false, "", true, 50, null)).items().size(),
                    "nothing stored twice");

            List<FileResult> plain = runImport(window, display, found.images(), false, null);
            assertTrue(plain.stream().allMatch(result -> result.status() == FileResult.Status.ALREADY_STORED),
                    "a plain upload sends the files, and the server's duplicate answers say they are stored: "
                            + plain);
        }
    }

    private static List<FileResult> runImport(PartWindow window, Display display, List<Path> files,
            boolean folderImport, String shot) throws Exception {
        UploadDialog dialog = new UploadDialog(window.shell, window.model, null, files, folderImport);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            UploadForm form = dialog.form();
            UiTestSupport.dialogButton(dialog.getShell(), IDialogConstants.OK_ID).notifyListeners(SWT.Selection,
                    new Event());
            UiTestSupport.spinUntil(display, () -> form.phase() == UploadForm.Phase.DONE, WAIT_MS, "the import");
            if (shot != null) {
                UiTestSupport.settle(display, 200);
                UiTestSupport.screenshot(dialog.getShell(), shot);
            }
            return form.progress().results();
        } finally {
            dialog.close();
        }
    }
}
