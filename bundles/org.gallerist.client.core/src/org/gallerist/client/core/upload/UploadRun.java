package org.gallerist.client.core.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.gallerist.api.GalleristException;
import org.gallerist.api.client.ImageRepository;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.NewImage;
import org.gallerist.client.core.ErrorMessages;

/**
 * Uploads a checked {@link UploadPlan} one file after another. A failing file never stops the others; cancelling
 * takes effect between files (a file being sent is finished). Blocks on the network: run it in a background job.
 */
public final class UploadRun {

    /** Hears how the run goes; called on the uploading thread. */
    public interface Progress {
        /** Asked before each file: true stops the run, and the rest are reported as cancelled. */
        boolean cancelled();

        default void starting(int index, UploadItem item) {
        }

        default void finished(int index, FileResult result) {
        }
    }

    /** What adding suggested tags did: each changed result (before, after), and the last problem if one failed. */
    public record TagsAdded(Map<FileResult, FileResult> changed, Optional<String> problem) {
        public TagsAdded {
            changed = Collections.unmodifiableMap(new LinkedHashMap<>(changed));
        }
    }

    private final ImageRepository images;

    public UploadRun(ImageRepository images) {
        this.images = Objects.requireNonNull(images, "images");
    }

    public List<FileResult> run(UploadPlan plan, Progress progress) {
        List<NewImage> requests = plan.newImages();
        List<FileResult> results = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            UploadItem item = plan.items().get(i);
            FileResult result;
            if (progress.cancelled()) {
                result = FileResult.cancelled(item.file());
            } else {
                progress.starting(i, item);
                result = uploadOne(item, requests.get(i));
            }
            results.add(result);
            progress.finished(i, result);
        }
        return results;
    }

    private FileResult uploadOne(UploadItem item, NewImage request) {
        byte[] content;
        try {
            content = Files.readAllBytes(item.file());
        } catch (IOException | OutOfMemoryError e) {
            return FileResult.failed(item.file(), "Cannot read " + item.file().getFileName() + ".");
        }
        try {
            return FileResult.uploaded(item.file(), images.upload(request, content));
        } catch (RuntimeException e) {
            // Anything else the transport throws is this file's failure, never the end of the whole run.
            return FileResult.failed(item.file(), ErrorMessages.readable(e));
        }
    }

    /** Adds to each uploaded image the tags the server suggested that it does not carry yet; one failure stops none. */
    public TagsAdded addSuggestedTags(List<FileResult> targets) {
        Map<FileResult, FileResult> changed = new LinkedHashMap<>();
        String problem = null;
        for (FileResult target : targets) {
            try {
                changed.put(target, target.withImage(addTags(target.image(), target.newSuggestedTags())));
            } catch (GalleristException e) {
                problem = ErrorMessages.readable(e);
            }
        }
        return new TagsAdded(changed, Optional.ofNullable(problem));
    }

    /** Adds tags (e.g. the server's suggestions) to an uploaded image, keeping the ones it has. */
    public Image addTags(Image image, List<String> tags) {
        Set<String> all = new LinkedHashSet<>(image.tags());
        all.addAll(tags);
        return images.update(image.id(), new ImageChanges(null, null, List.copyOf(all), null, null, null));
    }
}
