package org.gallerist.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.api.User;
import org.gallerist.api.image.Image;
import org.gallerist.api.image.ImageChanges;
import org.gallerist.api.image.ImageDetails;
import org.gallerist.api.image.ImageErrors;
import org.gallerist.api.image.ImageQuery;
import org.gallerist.api.image.ImageService;
import org.gallerist.api.image.ImageSize;
import org.gallerist.api.image.NewImage;
import org.gallerist.api.image.Page;
import org.gallerist.api.image.PhotoFacts;
import org.gallerist.api.image.TagCount;
import org.gallerist.api.image.Upload;
import org.gallerist.api.image.Visibility;
import org.gallerist.spi.storage.BlobStore;
import org.gallerist.spi.storage.ImageFilter;
import org.gallerist.spi.imaging.EmbeddedMetadata;
import org.gallerist.spi.imaging.ImageProcessor;
import org.gallerist.spi.imaging.SharedOriginals;
import org.gallerist.spi.storage.ImageRecord;
import org.gallerist.spi.storage.ImageStore;
import org.gallerist.spi.storage.OrderStore;
import org.gallerist.rules.ImageRules;
import org.gallerist.rules.PageCursor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image repository's rules: validation first, then the bytes (staged, sniffed, size-checked, rendered), then
 * one row. Visibility and ownership are decided here, on the server, for every call.
 */
@Component(service = ImageService.class)
public class ImageServiceImpl implements ImageService {

    private static final Logger LOG = LoggerFactory.getLogger(ImageServiceImpl.class);

    private final ImageStore store;
    private final BlobStore blobs;
    private final ImageProcessor processor;
    private final long maxBytes;
    private final long maxPixels;
    private final ImageAnalysis analysis;
    private final DecodePermits decodes;
    private final UploadQuotas quotas;
    /** Originals as others than their owner receive them: without location and other personal metadata. */
    private final SharedOriginals shared;
    /** Who bought what: buyers may download the originals. */
    private final OrderStore orders;
    private final ContentLocks locks = new ContentLocks();
    /** By owner name: one owner's uploads check their quota and insert one after the other. */
    private final ContentLocks ownerLocks = new ContentLocks();

    @Activate
    public ImageServiceImpl(@Reference ImageStore store, @Reference BlobStore blobs,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) ImageProcessor processor,
            @Reference ImageAnalysis analysis, @Reference ImageLimits limits, @Reference UploadQuotas quotas,
            @Reference SharedOriginals shared, @Reference OrderStore orders) {
        this.store = store;
        this.orders = orders;
        this.shared = shared;
        this.blobs = blobs;
        this.processor = processor;
        this.analysis = analysis;
        this.maxBytes = limits.maxBytes();
        this.maxPixels = limits.maxPixels();
        this.decodes = limits.decodes();
        this.quotas = quotas;
        sweepLeftovers();
    }

    /** Whatever a crash left between staging and commit, or a delete left unreferenced, goes now. */
    private void sweepLeftovers() {
        try {
            int removed = blobs.sweep(store.referencedKeys());
            if (removed > 0) {
                LOG.info("Removed {} unreferenced or half-written image files", removed);
            }
        } catch (IOException e) {
            LOG.warn("Start-up sweep of image files failed", e);
        }
    }

    @Override
    public Upload upload(User caller, NewImage request, InputStream content) {
        if (request.name() != null) {
            ImageRules.name(request.name()); // a bad explicit name fails before the bytes are read
        }
        ImageRules.description(request.description());
        ImageRules.tags(request.tags());
        var price = ImageRules.price(request.price());
        int quantity = ImageRules.quantity(request.quantity());
        quotas.checkRoomForOne(caller, () -> store.usage(caller.name()));
        try (BlobStore.Staged staged = blobs.stage(content, maxBytes)) {
            rejectDuplicate(caller, staged.sha256());
            int analysisSide = analysis.analysisShortSide();
            ImageProcessor.Prepared rendered = decodes.decode(() -> processor.prepare(staged.file(), maxPixels,
                    analysisSide));
            ImageProcessor.Inspection inspection = rendered.inspection();
            byte[] thumb = rendered.thumb();
            byte[] preview = rendered.preview();
            EmbeddedMetadata embedded = processor.metadata(staged.file());
            EmbeddedDefaults text = EmbeddedDefaults.of(request, embedded);
            Image image = new Image(0, text.name(), text.description(), text.tags(), price, quantity, caller.name(),
                    request.visibility(), inspection.width(), inspection.height(), inspection.format(), staged.size(),
                    staged.sha256(), Instant.EPOCH, inspection.pages());
            ImageAnalysis.Analysis analysed = analysis.analyse(caller, rendered.analysis());
            Image stored = ownerLocks.with(caller.name(), () -> locks.with(staged.sha256(), () -> {
                // again under the lock: two concurrent uploads of the same bytes (e.g. a client's retry) keep one
                rejectDuplicate(caller, staged.sha256());
                quotas.check(caller, () -> store.usage(caller.name()), staged.size());
                try {
                    String originalKey = staged.commit();
                    return store.insert(new ImageRecord(image, originalKey, blobs.put(thumb), blobs.put(preview),
                            embedded.photo(), request.shareCamera(), request.freeDownload())).image();
                } catch (IOException e) {
                    throw new UncheckedIOException("Storing an image failed", e);
                }
            }));
            analysis.added(stored, analysed);
            return new Upload(stored, analysed.nearDuplicates(), analysed.suggestedTags());
        } catch (IOException e) {
            throw new UncheckedIOException("Storing an image failed", e);
        }
    }

    private void rejectDuplicate(User caller, String sha256) {
        store.findByContent(caller.name(), sha256).ifPresent(existing -> {
            throw ImageErrors.duplicate(existing);
        });
    }

    @Override
    public Page<Image> list(User caller, ImageQuery query) {
        List<String> tags = ImageRules.tags(query.tags());
        List<String> words = ImageRules.words(query.text());
        int limit = ImageRules.limit(query.limit());
        PageCursor after = query.after() == null || query.after().isBlank() ? null : PageCursor.decode(query.after());
        ImageFilter filter = new ImageFilter(caller.name(), caller.isAdmin(), tags, query.anyTag(), words, query.mine(),
                limit + 1, after == null ? null : after.createdMillis(), after == null ? null : after.id(),
                after == null ? ImageFilter.DIRECT : after.rank());
        List<ImageStore.Listed> found = store.ranked(filter);
        String next = null;
        if (found.size() > limit) {
            found = found.subList(0, limit);
            ImageStore.Listed last = found.get(limit - 1);
            next = new PageCursor(last.rank(), last.image().created().toEpochMilli(), last.image().id()).encode();
        }
        return new Page<>(found.stream().map(ImageStore.Listed::image).toList(), next);
    }

    @Override
    public Image show(User caller, long id) {
        return visible(caller, id).image();
    }

    /** The camera's facts go to the owner and admins only, like a file's other personal metadata, unless shared. */
    @Override
    public ImageDetails details(User caller, long id) {
        ImageRecord record = visible(caller, id);
        boolean mayKnowCamera = record.cameraShared() || caller.isAdmin()
                || record.image().owner().equals(caller.name());
        return new ImageDetails(record.image(), analysis.seen(id), mayKnowCamera ? record.photo() : PhotoFacts.NONE,
                record.cameraShared(), record.freeDownload(), mayDownloadOriginal(caller, record));
    }

    /** The shop's goods are its originals: they go to their owner, admins and buyers, or to all if given away. */
    private boolean mayDownloadOriginal(User caller, ImageRecord record) {
        return ownerOrAdmin(caller, record) || record.freeDownload()
                || orders.bought(caller.name(), record.image().id());
    }

    private static boolean ownerOrAdmin(User caller, ImageRecord record) {
        return caller.isAdmin() || record.image().owner().equals(caller.name());
    }

    @Override
    public InputStream content(User caller, long id, ImageSize size) {
        ImageRecord record = visible(caller, id);
        String key = switch (size) {
        case THUMB -> record.thumbKey();
        case PREVIEW -> record.previewKey();
        case ORIGINAL -> record.originalKey();
        };
        boolean forOthers = size == ImageSize.ORIGINAL && !ownerOrAdmin(caller, record);
        if (forOthers && !mayDownloadOriginal(caller, record)) {
            throw new GalleristException(ErrorCode.NOT_PURCHASED, "The original of image #" + id + " goes to those who"
                    + " bought it; buy it first, or take its preview (--size preview).", Map.of("id", id));
        }
        try {
            return forOthers ? shared.open(record.image().format(), () -> blobs.open(key)) : blobs.open(key);
        } catch (IOException e) {
            if (forOthers) {
                // fail closed: an original whose structure the copy cannot be planned for is not given out at all
                LOG.warn("No copy for others of image #{} ({}): {}", id, record.image().format(), e.getMessage());
                throw new GalleristException(ErrorCode.UNAVAILABLE, "The original of image #" + id + " cannot be"
                        + " given out without its owner's personal metadata; its preview can (--size preview).");
            }
            throw new UncheckedIOException("Reading image #" + id + " failed", e);
        }
    }

    @Override
    public Image update(User caller, long id, ImageChanges changes) {
        return update(caller, List.of(id), changes).get(0);
    }

    @Override
    public List<Image> update(User caller, List<Long> ids, ImageChanges changes) {
        ImageChangeSet request = new ImageChangeSet(ids, changes);
        for (long id : ids) {
            try {
                request.accept(owned(caller, id).image());
            } catch (GalleristException e) {
                request.refuse(id, e);
            }
        }
        List<Image> updated = store.update(request.toApply());
        updated.forEach(analysis::changed);
        return updated;
    }

    @Override
    public void delete(User caller, long id) {
        delete(caller, List.of(id));
    }

    @Override
    public void delete(User caller, List<Long> ids) {
        IdRefusals refusals = new IdRefusals(ids, "deleted");
        List<String> contents = new ArrayList<>();
        for (long id : ids) {
            try {
                contents.add(owned(caller, id).image().sha256());
            } catch (GalleristException e) {
                refusals.refuse(id, e);
            }
        }
        refusals.throwIfAny();
        // an upload of the same bytes must not reuse a file this deletion is about to remove
        locks.withAll(contents, () -> {
            for (String key : store.delete(ids)) {
                try {
                    blobs.remove(key);
                } catch (IOException e) {
                    // the row is gone; the next start-up sweep removes the file
                    LOG.warn("Could not remove image file {}", key, e);
                }
            }
            return null;
        });
        ids.forEach(analysis::removed);
    }

    @Override
    public List<TagCount> tags(User caller) {
        return store.tags(caller.name(), caller.isAdmin());
    }

    @Override
    public void renameTag(User caller, String from, String to) {
        requireAdmin(caller, "rename tags");
        String source = ImageRules.tag(from);
        String target = ImageRules.tag(to);
        if (store.renameTag(source, target) == 0 && !source.equals(target)) {
            throw noTag(source);
        }
        analysis.tagRenamed(source, target);
    }

    @Override
    public void deleteTag(User caller, String tag) {
        requireAdmin(caller, "delete tags");
        String normalized = ImageRules.tag(tag);
        if (store.deleteTag(normalized) == 0) {
            throw noTag(normalized);
        }
        analysis.tagDeleted(normalized);
    }

    /** The record if the caller may see it; someone else's private image does not exist for them. */
    private ImageRecord visible(User caller, long id) {
        return store.find(id).filter(record -> maySee(caller, record.image()))
                .orElseThrow(() -> new GalleristException(ErrorCode.NOT_FOUND, "No image #" + id + "."));
    }

    private ImageRecord owned(User caller, long id) {
        ImageRecord record = visible(caller, id);
        if (!caller.isAdmin() && !record.image().owner().equals(caller.name())) {
            throw new GalleristException(ErrorCode.FORBIDDEN,
                    "Image #" + id + " belongs to " + record.image().owner() + "; only its owner can change it.");
        }
        return record;
    }

    private static boolean maySee(User caller, Image image) {
        return caller.isAdmin() || image.owner().equals(caller.name()) || image.visibility() == Visibility.PUBLIC;
    }

    private static void requireAdmin(User caller, String what) {
        if (!caller.isAdmin()) {
            throw new GalleristException(ErrorCode.FORBIDDEN, "Only an admin may " + what + ".");
        }
    }

    private static GalleristException noTag(String tag) {
        return new GalleristException(ErrorCode.NOT_FOUND, "No tag '" + tag.toLowerCase(Locale.ROOT) + "'.");
    }
}
