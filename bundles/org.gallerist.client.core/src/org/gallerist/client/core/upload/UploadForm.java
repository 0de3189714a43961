package org.gallerist.client.core.upload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gallerist.api.image.TagCount;
import org.gallerist.client.core.ErrorMessages;
import org.gallerist.client.core.internal.ChangeListeners;

/**
 * What the upload dialog holds and shows: the files with their names and descriptions, what they share as typed,
 * the tags in use for completion, the progress and results of the upload, and the dialog's message line. It never
 * talks to the network: the dialog runs {@link UploadRun} in a job and reports back here. Listeners hear every
 * change. Not thread-safe: use it from one thread (the UI thread).
 */
public final class UploadForm {
    static final String INTRODUCTION = "Name each file, then say what they all share. Click a name or description "
            + "to change it; a name left as suggested gives way to the photo's own title, if it has one.";
    static final String NO_FILES_YET = "Choose the images to upload with Add Files\u2026 (or drop them on the gallery).";
    private static final int TAGS_LISTED = 30;

    /** Where the dialog is: editing the form, sending files, stopping after the current one, or showing results. */
    public enum Phase {
        EDITING, UPLOADING, STOPPING, DONE
    }

    /** A tag in use that completes what was typed: {@code rest} is what completing inserts. */
    public record TagCompletion(String tag, String rest) {
    }

    private final ChangeListeners listeners = new ChangeListeners();
    private final List<UploadItem> items = new ArrayList<>();
    private final List<FileResult> results = new ArrayList<>();
    private SharedFields shared = SharedFields.DEFAULTS;
    private List<String> tagsInUse = List.of();
    private String tagsInUseText = "Loading the tags in use\u2026";
    private Phase phase = Phase.EDITING;
    private int filesSent;
    private String progress = "Not started.";
    private String refusal;
    private String message = INTRODUCTION;
    private boolean warning;
    private String error;
    private boolean addingTags;

    public UploadForm(Collection<Path> files) {
        files.forEach(this::addFileQuietly);
    }

    // ---- the form, while editing

    /** Adds files unless they are listed already. */
    public void addFiles(Collection<Path> files) {
        files.forEach(this::addFileQuietly);
        edited();
    }

    private void addFileQuietly(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (items.stream().noneMatch(item -> item.file().equals(absolute))) {
            items.add(UploadItem.of(absolute));
        }
    }

    public void remove(Collection<?> chosen) {
        items.removeAll(chosen);
        edited();
    }

    /** Sets a file's name and description, as its cells do. */
    public void describe(int index, String name, String description) {
        items.set(index, items.get(index).withName(name).withDescription(description));
        edited();
    }

    /** Replaces {@code item} with its edited copy, e.g. {@code item.withName(typed)}; a stale item is ignored. */
    public void replace(UploadItem item, UploadItem edited) {
        int index = items.indexOf(item);
        if (index >= 0) {
            items.set(index, Objects.requireNonNull(edited, "edited"));
            edited();
        }
    }

    /** What the files share, as the fields now say it. */
    public void setShared(SharedFields typed) {
        shared = Objects.requireNonNull(typed, "typed");
        edited();
    }

    private void edited() {
        refusal = null;
        listeners.fire();
    }

    public List<UploadItem> items() {
        return List.copyOf(items);
    }

    public SharedFields shared() {
        return shared;
    }

    /** The plan as the fields say it now. */
    public UploadPlan plan() {
        return new UploadPlan(items, TagRules.split(shared.tags()), shared.price(), shared.quantity(),
                shared.visibility());
    }

    public boolean isEditable() {
        return phase == Phase.EDITING;
    }

    public boolean canUpload() {
        return phase == Phase.EDITING && plan().check().isEmpty();
    }

    // ---- the tags in use

    public void tagsInUse(List<TagCount> counts) {
        tagsInUse = counts.stream().map(TagCount::tag).toList();
        tagsInUseText = counts.isEmpty() ? "No tags in use yet: new ones are welcome."
                : "In use: " + counts.stream().limit(TAGS_LISTED).map(count -> count.tag() + " (" + count.count() + ")")
                        .collect(Collectors.joining(", ")) + (counts.size() > TAGS_LISTED ? ", \u2026" : "")
                        + "  \u2014 type to complete (Ctrl+Space)";
        listeners.fire();
    }

    public void tagsInUseFailed(Throwable failure) {
        tagsInUse = List.of();
        tagsInUseText = "Could not load the tags in use: " + ErrorMessages.readable(failure);
        listeners.fire();
    }

    /** Without a server there is nothing to say about the tags in use. */
    public void tagsInUseUnknown() {
        tagsInUse = List.of();
        tagsInUseText = "";
        listeners.fire();
    }

    public String tagsInUseText() {
        return tagsInUseText;
    }

    /** The tags in use that complete the tag being typed at {@code position}, leaving out those already given. */
    public List<TagCompletion> completions(String contents, int position) {
        String before = contents.substring(0, position);
        String typed = TagRules.normalize(before.substring(before.lastIndexOf(',') + 1));
        List<String> already = TagRules.split(contents);
        return tagsInUse.stream()
                .filter(tag -> tag.startsWith(typed) && !already.contains(tag))
                .map(tag -> new TagCompletion(tag, tag.substring(typed.length())))
                .toList();
    }

    // ---- the upload

    /**
     * Freezes the form for sending: the plan to upload, or empty (and the reason on the message line) when the form
     * has a problem or there is no server to send to.
     */
    public Optional<UploadPlan> start(boolean connected) {
        UploadPlan plan = plan();
        Optional<String> problem = plan.check();
        if (phase != Phase.EDITING || problem.isPresent() || !connected) {
            refusal = problem.orElse("Not connected to a server.");
            listeners.fire();
            return Optional.empty();
        }
        phase = Phase.UPLOADING;
        results.clear();
        filesSent = plan.items().size();
        progress = "Starting\u2026";
        message = INTRODUCTION;
        warning = false;
        error = null;
        listeners.fire();
        return Optional.of(plan);
    }

    public void starting(int index, UploadItem item) {
        progress = "Uploading " + (index + 1) + " of " + filesSent + ": " + item.name();
        listeners.fire();
    }

    public void fileFinished(FileResult result) {
        results.add(result);
        listeners.fire();
    }

    /** Asks the running upload to stop after the current file; false when none is running. */
    public boolean stop() {
        if (phase != Phase.UPLOADING && phase != Phase.STOPPING) {
            return false;
        }
        phase = Phase.STOPPING;
        progress = "Stopping after the current file\u2026";
        listeners.fire();
        return true;
    }

    /** The upload ended with these results; answers the ids of the images now stored, to tell the other parts. */
    public List<Long> finished(List<FileResult> all) {
        phase = Phase.DONE;
        results.clear();
        results.addAll(all);
        List<Long> uploaded = all.stream().filter(FileResult::uploaded).map(result -> result.image().id()).toList();
        long failed = count(all, FileResult.Status.FAILED);
        long cancelled = count(all, FileResult.Status.CANCELLED);
        long stored = count(all, FileResult.Status.ALREADY_STORED);
        long similar = all.stream().filter(FileResult::hasNearDuplicates).count();
        progress = "Uploaded " + uploaded.size() + " of " + all.size() + "."
                + (stored > 0 ? " " + stored + " already stored, skipped." : "")
                + (failed > 0 ? " " + failed + " failed." : "") + (cancelled > 0 ? " " + cancelled + " not sent." : "");
        if (failed > 0) {
            error = "Some files were not uploaded: see why in the results.";
        } else if (similar > 0) {
            message = similar + (similar == 1 ? " image looks" : " images look")
                    + " like one already stored: see the results.";
            warning = true;
        } else {
            message = "Done. The images are in the gallery.";
        }
        listeners.fire();
        return uploaded;
    }

    private static long count(List<FileResult> all, FileResult.Status status) {
        return all.stream().filter(result -> result.status() == status).count();
    }

    /** The upload could not run at all (e.g. a file went away after it was checked). */
    public void failed(Throwable failure) {
        phase = Phase.DONE;
        error = ErrorMessages.readable(failure);
        progress = "Stopped: " + error;
        listeners.fire();
    }

    public Phase phase() {
        return phase;
    }

    public UploadProgress progress() {
        return new UploadProgress(filesSent, progress, results);
    }

    // ---- suggested tags, after the upload

    public boolean canAddSuggestedTags() {
        return phase == Phase.DONE && !addingTags
                && results.stream().anyMatch(result -> !result.newSuggestedTags().isEmpty());
    }

    /** The results to add suggested tags to: those chosen (all, if none is), as far as they have new suggestions. */
    public List<FileResult> suggestedTagTargets(Collection<?> chosen) {
        return results.stream()
                .filter(result -> chosen.isEmpty() || chosen.contains(result))
                .filter(result -> !result.newSuggestedTags().isEmpty())
                .toList();
    }

    public void addingSuggestedTags() {
        addingTags = true;
        listeners.fire();
    }

    /** Shows the tagged images in the results; answers their ids, to tell the other parts. */
    public List<Long> suggestedTagsAdded(UploadRun.TagsAdded added) {
        addingTags = false;
        added.changed().forEach((before, after) -> {
            int index = results.indexOf(before);
            if (index >= 0) {
                results.set(index, after);
            }
        });
        int count = added.changed().size();
        added.problem().ifPresentOrElse(problem -> error = problem, () -> {
            message = "Added the suggested tags to " + count + (count == 1 ? " image." : " images.");
            warning = false;
        });
        listeners.fire();
        return added.changed().values().stream().map(result -> result.image().id()).toList();
    }

    public void suggestedTagsFailed(Throwable failure) {
        addingTags = false;
        error = ErrorMessages.readable(failure);
        listeners.fire();
    }

    // ---- the message line

    /** The dialog's message; while editing it says what to do next. */
    public String message() {
        if (phase == Phase.EDITING) {
            return items.isEmpty() ? NO_FILES_YET : INTRODUCTION;
        }
        return message;
    }

    /** Whether {@link #message()} is a warning (some images look like stored ones). */
    public boolean isWarning() {
        return phase != Phase.EDITING && warning;
    }

    /** What is wrong, shown over the message: the form's first problem while editing, later what failed. */
    public Optional<String> error() {
        if (phase == Phase.EDITING) {
            return Optional.ofNullable(refusal != null ? refusal
                    : items.isEmpty() ? null : plan().check().orElse(null));
        }
        return Optional.ofNullable(error);
    }

    /** @return a handle that removes the listener again */
    public Runnable addListener(Runnable listener) {
        return listeners.add(listener);
    }
}
