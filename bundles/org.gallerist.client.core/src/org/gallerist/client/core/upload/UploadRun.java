package org.gallerist.client.core.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.client.ImageRepository;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.Page;
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
    private final boolean checkStoredFirst;

    /** Sends every file; one the server already has comes back as {@link FileResult.Status#ALREADY_STORED}. */
    public UploadRun(ImageRepository images) {
        this(images, false);
    }

    /**
     * @param checkStoredFirst whether to list the caller's images once before the run and not send the files whose
     *                         content they already hold: worth it for a folder import, which may be a resumed one and
     *                         whose files would otherwise all be sent again, not for a few chosen files
     */
    public UploadRun(ImageRepository images, boolean checkStoredFirst) {
        this.images = Objects.requireNonNull(images, "images");
        this.checkStoredFirst = checkStoredFirst;
    }

    public List<FileResult> run(UploadPlan plan, Progress progress) {
        List<NewImage> requests = plan.newImages();
        List<FileResult> results = new ArrayList<>();
        Map<String, Long> stored = checkStoredFirst ? storedHashes() : Map.of();
        for (int i = 0; i < requests.size(); i++) {
            UploadItem item = plan.items().get(i);
            FileResult result;
            if (progress.cancelled()) {
                result = FileResult.cancelled(item.file());
            } else {
                progress.starting(i, item);
                result = uploadOne(item, requests.get(i), stored);
            }
            results.add(result);
            progress.finished(i, result);
        }
        return results;
    }

    /**
     * The content hashes of the caller's images, so that an import run again after a dropped connection or a stop
     * sends only what the server does not have yet. Paged like the gallery.
     */
    private Map<String, Long> storedHashes() {
        Map<String, Long> stored = new HashMap<>();
        String after = null;
        do {
            Page<Image> page = images.list(new ImageQuery(List.of(), false, "", true, ImageQuery.MAX_LIMIT, after));
            page.items().forEach(image -> stored.putIfAbsent(image.sha256(), image.id()));
            after = page.next();
        } while (after != null);
        return stored;
    }

    private FileResult uploadOne(UploadItem item, NewImage request, Map<String, Long> stored) {
        byte[] content;
        try {
            content = Files.readAllBytes(item.file());
        } catch (IOException | OutOfMemoryError e) {
            return FileResult.failed(item.file(), "Cannot read " + item.file().getFileName() + ".");
        }
        Long existing = stored.get(sha256(content));
        if (existing != null) {
            return FileResult.alreadyStored(item.file(), existing);
        }
        try {
            return FileResult.uploaded(item.file(), images.upload(request, content));
        } catch (GalleristException e) {
            // stored meanwhile, or kept by the server under another hash: the server names the image it has
            return e.code() == ErrorCode.DUPLICATE && e.longDetail(GalleristException.EXISTING_ID).isPresent()
                    ? FileResult.alreadyStored(item.file(), e.longDetail(GalleristException.EXISTING_ID).get())
                    : FileResult.failed(item.file(), ErrorMessages.readable(e));
        } catch (RuntimeException e) {
            // Anything else the transport throws is this file's failure, never the end of the whole run.
            return FileResult.failed(item.file(), ErrorMessages.readable(e));
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
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
