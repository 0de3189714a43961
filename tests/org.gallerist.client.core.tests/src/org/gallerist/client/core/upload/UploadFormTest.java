package org.gallerist.client.core.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.image.TagCount;
import org.gallerist.api.image.Visibility;
import org.gallerist.client.core.cart.FakeStore;
import org.gallerist.client.core.upload.UploadForm.Phase;
import org.gallerist.client.core.upload.UploadForm.TagCompletion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadFormTest {
    @TempDir
    Path folder;

    private final FakeStore server = new FakeStore();
    private Path rocket;
    private Path chelsea;

    @BeforeEach
    void makeFiles() throws Exception {
        rocket = Files.write(folder.resolve("rocket_launch.png"), new byte[] { 1 });
        chelsea = Files.write(folder.resolve("chelsea.png"), new byte[] { 2 });
    }

    @Test
    void aNewFormAsksForFilesAndNamesThemFromTheirFileNames() {
        UploadForm empty = new UploadForm(List.of());
        assertEquals(UploadForm.NO_FILES_YET, empty.message());
        assertEquals(Optional.empty(), empty.error(), "no complaint before there is anything to complain about");
        assertFalse(empty.canUpload());

        UploadForm form = new UploadForm(List.of(rocket, chelsea, rocket));
        assertEquals(List.of("Rocket launch", "Chelsea"), form.items().stream().map(UploadItem::name).toList(),
                "a file listed twice is listed once");
        assertEquals(UploadForm.INTRODUCTION, form.message());
        assertEquals(new SharedFields("", "1.00", "1", Visibility.PUBLIC), form.shared());
        assertTrue(form.canUpload());
        assertTrue(form.isEditable());
    }

    @Test
    void whatIsTypedIsCheckedAsTheServerWouldAndEveryChangeIsHeard() {
        UploadForm form = new UploadForm(List.of(rocket));
        List<String> heard = new ArrayList<>();
        form.addListener(() -> heard.add(form.error().orElse("fine")));
        form.setShared(new SharedFields("", "1.00", "x", Visibility.PUBLIC));
        assertEquals(Optional.of("Invalid quantity 'x': use a whole number, 0 or more."), form.error());
        assertFalse(form.canUpload());
        form.setShared(new SharedFields("", "1.00", "3", Visibility.PUBLIC));
        form.setShared(new SharedFields("Test Photos, shop , test photos", "1.00", "3", Visibility.PUBLIC));
        form.setShared(new SharedFields("Test Photos, shop , test photos", "2.5", "3", Visibility.PUBLIC));
        form.setShared(new SharedFields("Test Photos, shop , test photos", "2.5", "3", Visibility.PRIVATE));
        form.describe(0, "Rocket launch", "A rocket lifting off at dusk");
        assertEquals(List.of("Invalid quantity 'x': use a whole number, 0 or more.", "fine", "fine", "fine", "fine",
                "fine"), heard);
        UploadPlan plan = form.plan();
        assertEquals(List.of("test photos", "shop"), plan.tags());
        assertEquals(Visibility.PRIVATE, plan.visibility());
        assertEquals("A rocket lifting off at dusk", plan.items().get(0).description());

        UploadItem item = form.items().get(0);
        form.replace(item, item.withName(""));
        assertTrue(form.error().orElseThrow().startsWith("rocket_launch.png: "), form.error().toString());
        form.replace(item, item.withName("stale: the item was replaced already"));
        assertEquals("", form.items().get(0).name(), "an edit of a replaced item is dropped");
        form.remove(form.items());
        assertEquals(UploadForm.NO_FILES_YET, form.message());
    }

    @Test
    void tagsInUseAreListedAndCompleteTheTagBeingTyped() {
        UploadForm form = new UploadForm(List.of(rocket));
        assertEquals("Loading the tags in use\u2026", form.tagsInUseText());
        form.tagsInUse(List.of(new TagCount("space", 3), new TagCount("sky", 1), new TagCount("night", 2)));
        assertEquals("In use: space (3), sky (1), night (2)  \u2014 type to complete (Ctrl+Space)",
                form.tagsInUseText());
        assertEquals(List.of(new TagCompletion("space", "pace"), new TagCompletion("sky", "ky")),
                form.completions("night, S", 8), "completes what is typed after the last comma, in any case");
        assertEquals(List.of(new TagCompletion("sky", "ky")), form.completions("space, s", 8),
                "what is given already is not proposed again");

        form.tagsInUse(List.of());
        assertEquals("No tags in use yet: new ones are welcome.", form.tagsInUseText());
        form.tagsInUseFailed(new GalleristException(ErrorCode.CONNECTION_FAILED, "Cannot reach the server."));
        assertEquals("Could not load the tags in use: Cannot reach the server.", form.tagsInUseText());
        assertEquals(List.of(), form.completions("s", 1));
        form.tagsInUseUnknown();
        assertEquals("", form.tagsInUseText());
    }

    @Test
    void anUploadFreezesTheFormReportsEachFileAndEndsWithASummary() {
        UploadForm form = new UploadForm(List.of(rocket, chelsea));
        form.setShared(new SharedFields("cat", "1.00", "1", Visibility.PUBLIC));
        assertEquals(Optional.empty(), form.start(false));
        assertEquals(Optional.of("Not connected to a server."), form.error());
        assertEquals(Phase.EDITING, form.phase());
        form.setShared(new SharedFields("cat", "2", "1", Visibility.PUBLIC));
        assertEquals(Optional.empty(), form.error(), "an edit clears the refusal");

        UploadPlan plan = form.start(true).orElseThrow();
        assertEquals(Phase.UPLOADING, form.phase());
        assertFalse(form.isEditable());
        assertFalse(form.canUpload());
        assertEquals("Starting\u2026", form.progress().text());
        assertEquals(2, form.progress().filesSent());
        List<FileResult> all = new UploadRun(server).run(plan, new UploadRun.Progress() {
            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void starting(int index, UploadItem item) {
                form.starting(index, item);
            }

            @Override
            public void finished(int index, FileResult result) {
                form.fileFinished(result);
            }
        });
        assertEquals("Uploading 2 of 2: Chelsea", form.progress().text());
        assertEquals(all, form.progress().results());
        assertFalse(form.canAddSuggestedTags(), "not before the upload is over");

        assertEquals(List.of(1L, 2L), form.finished(all));
        assertEquals(Phase.DONE, form.phase());
        assertEquals("Uploaded 2 of 2.", form.progress().text());
        assertEquals("2 images look like one already stored: see the results.", form.message());
        assertTrue(form.isWarning());
        assertEquals(Optional.empty(), form.error());
        assertTrue(form.canAddSuggestedTags());
    }

    @Test
    void stoppingIsSaidAndFailedOrUnsentFilesAreCounted() {
        UploadForm form = new UploadForm(List.of(rocket, chelsea));
        assertFalse(form.stop(), "nothing runs yet: Cancel closes the dialog");
        UploadPlan plan = form.start(true).orElseThrow();
        assertTrue(form.stop());
        assertEquals(Phase.STOPPING, form.phase());
        assertEquals("Stopping after the current file\u2026", form.progress().text());
        server.nextUploadFailure = new GalleristException(ErrorCode.DUPLICATE, "Stored already as #7.");
        List<FileResult> all = new UploadRun(server).run(plan, new UploadRun.Progress() {
            private int asked;

            @Override
            public boolean cancelled() {
                return asked++ >= 1;
            }
        });
        assertEquals(List.of(), form.finished(all));
        assertEquals("Uploaded 0 of 2. 1 failed. 1 not sent.", form.progress().text());
        assertEquals(Optional.of("Some files were not uploaded: see why in the results."), form.error());
        assertFalse(form.stop(), "it is over: Close closes the dialog");
    }

    @Test
    void suggestedTagsGoToTheChosenResultsOrAllOfThem() {
        UploadForm form = new UploadForm(List.of(rocket, chelsea));
        form.setShared(new SharedFields("cat", "1.00", "1", Visibility.PUBLIC));
        UploadPlan plan = form.start(true).orElseThrow();
        UploadRun run = new UploadRun(server);
        List<FileResult> all = run.run(plan, () -> false);
        form.finished(all);
        assertEquals(List.of(all.get(1)), form.suggestedTagTargets(List.of(all.get(1))));
        List<FileResult> targets = form.suggestedTagTargets(List.of());
        assertEquals(all, targets);

        form.addingSuggestedTags();
        assertFalse(form.canAddSuggestedTags(), "not twice at once");
        assertEquals(List.of(1L, 2L), form.suggestedTagsAdded(run.addSuggestedTags(targets)));
        assertEquals("Added the suggested tags to 2 images.", form.message());
        assertFalse(form.isWarning());
        assertEquals(List.of("cat", "animal"), form.progress().results().get(0).image().tags());
        assertFalse(form.canAddSuggestedTags(), "nothing left to suggest");
    }

    @Test
    void aFailureToAddTagsIsShownAndTheOthersAreStillTagged() {
        UploadForm form = new UploadForm(List.of(rocket, chelsea));
        UploadRun run = new UploadRun(server);
        List<FileResult> all = run.run(form.start(true).orElseThrow(), () -> false);
        form.finished(all);
        server.images.remove(all.get(0).image().id());
        UploadRun.TagsAdded added = run.addSuggestedTags(form.suggestedTagTargets(List.of()));
        assertEquals(List.of(2L), form.suggestedTagsAdded(added));
        assertEquals(Optional.of("No image #1."), form.error());
        assertEquals(List.of("cat", "animal"), form.progress().results().get(1).image().tags());
        assertTrue(form.canAddSuggestedTags(), "the first may be tried again");
    }
}
