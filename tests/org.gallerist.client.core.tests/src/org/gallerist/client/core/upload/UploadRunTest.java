package org.gallerist.client.core.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.cart.FakeStore;
import org.gallerist.client.core.upload.FileResult.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadRunTest {
    @TempDir
    Path folder;

    private final FakeStore server = new FakeStore();

    private UploadPlan plan(int files) throws Exception {
        List<UploadItem> items = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            items.add(UploadItem.of(Files.write(folder.resolve("photo_" + i + ".png"), new byte[] { (byte) i })));
        }
        return new UploadPlan(items, List.of("cat"), "2", "4", Visibility.PUBLIC);
    }

    @Test
    void eachFileGetsItsOwnResultAndAFailureDoesNotStopTheOthers() throws Exception {
        UploadPlan plan = plan(3);
        List<Integer> started = new ArrayList<>();
        server.nextUploadFailure = null;
        List<FileResult> results = new UploadRun(server).run(plan, new UploadRun.Progress() {
            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void starting(int index, UploadItem item) {
                started.add(index);
                if (index == 1) {
                    server.nextUploadFailure = new GalleristException(ErrorCode.DUPLICATE,
                            "The same image is already stored as #1.");
                }
            }
        });
        assertEquals(List.of(0, 1, 2), started);
        assertEquals(List.of(Status.UPLOADED, Status.FAILED, Status.UPLOADED),
                results.stream().map(FileResult::status).toList());
        assertEquals("The same image is already stored as #1.", results.get(1).summary());
        FileResult first = results.get(0);
        assertEquals("Photo 0", first.image().name());
        assertTrue(first.hasNearDuplicates());
        assertEquals("Uploaded as #1; looks like #99 'Twin' (97%)", first.summary());
        assertEquals(List.of("animal"), first.newSuggestedTags(), "'cat' is already on the image");
    }

    @Test
    void cancellingStopsBetweenFiles() throws Exception {
        List<FileResult> results = new UploadRun(server).run(plan(3), new UploadRun.Progress() {
            private int asked;

            @Override
            public boolean cancelled() {
                return asked++ >= 1;
            }
        });
        assertEquals(List.of(Status.UPLOADED, Status.CANCELLED, Status.CANCELLED),
                results.stream().map(FileResult::status).toList());
        assertFalse(results.get(1).uploaded());
        assertEquals(1, server.images.size());
    }

    @Test
    void suggestedTagsAreAddedToThoseTheImageHas() throws Exception {
        UploadRun run = new UploadRun(server);
        FileResult result = run.run(plan(1), () -> false).get(0);
        Image tagged = run.addTags(result.image(), result.newSuggestedTags());
        assertEquals(List.of("cat", "animal"), tagged.tags());
    }

    @Test
    void aDuplicateTheServerNamesIsAlreadyStoredNotAFailure() throws Exception {
        server.nextUploadFailure = new GalleristException(ErrorCode.DUPLICATE, "The same image is already stored as"
                + " #7.", Map.of(GalleristException.EXISTING_ID, 7));
        FileResult result = new UploadRun(server).run(plan(1), () -> false).get(0);
        assertEquals(Status.ALREADY_STORED, result.status());
        assertEquals("Already stored as #7: skipped.", result.summary());
    }
}
